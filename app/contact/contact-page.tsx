/**
 * The contact page as readers see it: what the lab is, how to reach it, and
 * a message form that needs no account (works without JavaScript). The
 * honeypot field is out of sight and out of the keyboard's way.
 */
import { FormProvider, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, StatusNotice, SubmitButton, TextareaField, TextField } from '#app/ui/forms.tsx'
import type { PageData } from '#app/ui/page-data.ts'
import type { ContactOutcome, loadContactPage } from './contact.server.ts'
import { HONEYPOT_FIELD, type contactSchema } from './schema.ts'
import type { z } from 'zod'
import { useDeferredValidation } from '#app/forms/client-validation.ts'

export function ContactPage({
	page: { email },
	actionData,
}: {
	page: PageData<typeof loadContactPage>
	actionData: { result: SubmissionResult<string[]>; outcome: ContactOutcome | null } | undefined
}) {
	const { t } = useTranslation(['contact', 'common'])
	const check = useDeferredValidation(() => import('./schema.ts').then((m) => m.contactSchema), { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' })
	const [form, fields] = useForm<z.input<typeof contactSchema>>({
		id: 'contact',
		lastResult: actionData?.result,
		...check.options,
	})
	const outcome = actionData?.outcome
	return (
		<div className="mx-auto max-w-6xl px-4 pb-4 pt-10 sm:px-6 sm:pt-14">
			<header className="max-w-3xl">
				<h1 className="text-balance text-3xl font-bold tracking-tight text-navy-900 sm:text-4xl">{t('contact:heading')}</h1>
				<p className="mt-3 text-lg text-slate-700">{t('contact:lead')}</p>
			</header>
			<div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
				<div className="space-y-8">
					<section aria-labelledby="about-heading">
						<h2 id="about-heading" className="text-xl font-bold tracking-tight text-navy-900">
							{t('contact:about.heading')}
						</h2>
						<p className="mt-3 text-slate-700">{t('contact:about.body')}</p>
						<p className="mt-3 text-slate-700">{t('contact:about.who')}</p>
					</section>
					<section aria-labelledby="reach-heading">
						<h2 id="reach-heading" className="text-xl font-bold tracking-tight text-navy-900">
							{t('contact:reach.heading')}
						</h2>
						<address className="mt-3 whitespace-pre-line not-italic text-slate-700">{t('common:footer.addressLines')}</address>
						<p className="mt-3 text-slate-700">
							{t('contact:reach.email')}{' '}
							<a href={`mailto:${email}`} className="font-medium text-navy-700 underline underline-offset-2 hover:text-navy-900">
								{email}
							</a>
						</p>
						<p className="mt-3 text-sm text-slate-600">{t('contact:reach.languages')}</p>
					</section>
				</div>
				<section aria-labelledby="message-heading" className="rounded-lg border border-slate-200 p-5 sm:p-6">
					<h2 id="message-heading" className="text-xl font-bold tracking-tight text-navy-900">
						{t('contact:form.heading')}
					</h2>
					<p className="mt-1 text-sm text-slate-600">{t('contact:form.intro')}</p>
					{outcome === 'sent' ? (
						<StatusNotice className="mt-4">{t('contact:form.sent')}</StatusNotice>
					) : null}
					<FormProvider context={form.context}>
						<Form method="post" {...getFormProps(form)} {...check.formProps} className="mt-4 space-y-4">
							<FormErrors id={form.errorId} errors={form.errors}>
								{outcome === 'throttled' ? <p>{t('contact:form.throttled', { email })}</p> : null}
							</FormErrors>
							<TextField label={t('contact:form.name')} field={fields.name} autoComplete="name" />
							<TextField label={t('contact:form.email')} field={fields.email} type="email" autoComplete="email" hint={t('contact:form.email-hint')} />
							<TextField label={t('contact:form.subject')} field={fields.subject} />
							<TextareaField label={t('contact:form.message')} field={fields.message} rows={8} />
							{/* The honeypot: hidden from people (and screen readers), filled only by robots. */}
							<div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
								<label htmlFor="contact-website">{t('contact:form.honeypot')}</label>
								<input id="contact-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
							</div>
							<SubmitButton>{t('contact:form.submit')}</SubmitButton>
						</Form>
					</FormProvider>
				</section>
			</div>
		</div>
	)
}
