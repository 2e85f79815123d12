/** The meeting form's page (new or edit): heading, back link, and the form (./meeting-editor.tsx). */
import { useTranslation } from 'react-i18next'
import type { PageData } from '#app/ui/page-data.ts'
import { MeetingEditor, type MeetingEditorProps } from './meeting-editor.tsx'
import type { loadEditMeetingPage, loadNewMeetingPage } from './meeting-editor.server.ts'
import { Link } from '#app/ui/link.tsx'

export function MeetingEditorPage({
	page,
	actionData,
}: {
	page: PageData<typeof loadNewMeetingPage> | PageData<typeof loadEditMeetingPage>
	actionData: MeetingEditorProps['actionData']
}) {
	const { t } = useTranslation('meetings')
	return (
		<div className="mx-auto max-w-5xl px-4 pb-8 pt-8 sm:px-6 sm:pt-12">
			<p>
				<Link to={page.groupHref} className="text-sm font-medium text-navy-700 hover:underline">
					<span aria-hidden="true">← </span>
					{t('editor.to-group')}
				</Link>
			</p>
			<h1 className="mt-4 text-balance text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{page.heading}</h1>
			<div className="mt-6">
				{/* A new key per saved version: the form starts again from what was saved. */}
				<MeetingEditor
					key={`${page.formKey}-${page.version ?? 0}`}
					lang={page.lang}
					formKey={page.formKey}
					defaultValue={page.defaultValue as MeetingEditorProps['defaultValue']}
					options={page.options}
					meetingId={page.meetingId}
					version={page.version}
					cancelHref={page.cancelHref}
					actionData={actionData}
				/>
			</div>
		</div>
	)
}
