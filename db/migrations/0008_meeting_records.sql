-- Meeting records (minutes) and their sign-off. A record belongs to one
-- meeting and is a versioned bilingual document in the pattern of ADR 017:
--   meeting_records               id, version (bumped by every save of its
--                                 content, checked inside the UPDATE's WHERE)
--   meeting_record_translations   the Markdown minutes per language, with the
--                                 translation counters
--   meeting_record_decisions,
--   meeting_action_items          structured rows, bilingual; an action item
--                                 has an owner, a due date and a status
--   meeting_record_revisions      append-only: every save, with the snapshot
--   meeting_record_snapshot(id)   the whole record as one JSON value
-- and the review around it: named reviewers, an append-only trail of what
-- happened in review (comments per agenda item, requests for changes,
-- approvals, publication) and sign-offs that keep the SHA-256 of exactly the
-- content each reviewer approved (app/meetings/record-hash.ts says how it is
-- computed).

create table meeting_records (
	id bigint generated always as identity primary key,
	meeting_id bigint not null unique references meetings (id) on delete cascade,
	-- Bumped by every save that changes the content (never by a review
	-- step): a sign-off names the version it approved, and that version's
	-- revision holds the content it approved.
	version integer not null default 1 check (version > 0),
	status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'published')),
	-- The current round of review: when and by whom it was asked for (the
	-- review queue's "waiting since").
	review_requested_at timestamptz,
	review_requested_by text references users (id) on delete set null,
	approved_at timestamptz,
	-- The version the public reads once the record was published: an edit
	-- after publication starts a new version in review while the published
	-- one stays readable (and verifiable) until its successor is published.
	published_version integer check (published_version > 0),
	published_at timestamptz,
	created_by text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (published_version is null or published_version <= version),
	check (status <> 'published' or coalesce(published_version = version, false))
);
create index meeting_records_review_idx on meeting_records (review_requested_at) where status = 'in_review';

create table meeting_record_translations (
	record_id bigint not null references meeting_records (id) on delete cascade,
	lang lang_code not null,
	-- 100 000 characters: hours of minutes; app/meetings/record-schema.ts says the same.
	body_markdown text not null check (length(body_markdown) <= 100000),
	revision integer not null default 1 check (revision > 0),
	translated_from_revision integer check (translated_from_revision > 0),
	updated_at timestamptz not null default now(),
	primary key (record_id, lang)
);

create table meeting_record_decisions (
	id bigint generated always as identity primary key,
	record_id bigint not null references meeting_records (id) on delete cascade,
	position integer not null check (position >= 0),
	text_en text not null default '' check (length(text_en) <= 2000),
	text_zh text not null default '' check (length(text_zh) <= 2000),
	check (text_en <> '' or text_zh <> ''),
	unique (record_id, position) deferrable initially deferred
);

create table meeting_action_items (
	id bigint generated always as identity primary key,
	record_id bigint not null references meeting_records (id) on delete cascade,
	position integer not null check (position >= 0),
	text_en text not null default '' check (length(text_en) <= 1000),
	text_zh text not null default '' check (length(text_zh) <= 1000),
	-- An item keeps its owner: a person with open work is deactivated, not deleted.
	owner_id text not null references users (id),
	due_date date not null,
	-- Follow-up after the meeting, not what the meeting decided: changing it
	-- makes no new version and needs no new approval.
	status text not null default 'open' check (status in ('open', 'done')),
	completed_at timestamptz,
	check (text_en <> '' or text_zh <> ''),
	check ((status = 'done') = (completed_at is not null)),
	unique (record_id, position) deferrable initially deferred
);
create index meeting_action_items_owner_idx on meeting_action_items (owner_id, due_date) where status = 'open';

create table meeting_record_revisions (
	id bigint generated always as identity primary key,
	record_id bigint not null references meeting_records (id) on delete cascade,
	version integer not null,
	action text not null check (action in ('create', 'update')),
	changed_fields text[] not null default '{}',
	snapshot jsonb not null,
	author_id text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	message text not null default '' check (length(message) <= 500),
	unique (record_id, version)
);
create trigger meeting_record_revisions_no_update
	before update on meeting_record_revisions
	for each row execute function refuse_revision_change();

-- The content of a record as one JSON value: what a revision records and
-- what a sign-off's hash is computed from (with the record's id and version).
-- Action items' status is left out on purpose (see above); their ids are in
-- so that a page can show an item's live status next to its text.
create function meeting_record_snapshot(target_id bigint) returns jsonb
language sql stable as $$
	select jsonb_build_object(
		'meetingId', r.meeting_id::text,
		'versions', coalesce((
			select jsonb_object_agg(t.lang, jsonb_build_object(
				'bodyMarkdown', t.body_markdown,
				'revision', t.revision,
				'translatedFromRevision', t.translated_from_revision
			))
			from meeting_record_translations t
			where t.record_id = r.id
		), '{}'::jsonb),
		'decisions', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id::text, 'en', d.text_en, 'zh', d.text_zh) order by d.position)
			from meeting_record_decisions d
			where d.record_id = r.id
		), '[]'::jsonb),
		'actionItems', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id::text,
				'en', a.text_en,
				'zh', a.text_zh,
				'ownerId', a.owner_id,
				'dueDate', to_char(a.due_date, 'YYYY-MM-DD')
			) order by a.position)
			from meeting_action_items a
			where a.record_id = r.id
		), '[]'::jsonb)
	)
	from meeting_records r
	where r.id = target_id
$$;

-- Who reviews the current round: named by a lead, usually officials.
create table meeting_record_reviewers (
	record_id bigint not null references meeting_records (id) on delete cascade,
	user_id text not null references users (id) on delete cascade,
	named_by text references users (id) on delete set null,
	named_at timestamptz not null default now(),
	primary key (record_id, user_id)
);
create index meeting_record_reviewers_user_idx on meeting_record_reviewers (user_id);

-- A sign-off: who approved which version, when, and the SHA-256 of the
-- canonical form of exactly that content. The version must have a revision
-- (the foreign key), so the signed content can always be read back and
-- hashed again. Never changed.
create table meeting_record_signoffs (
	id bigint generated always as identity primary key,
	record_id bigint not null references meeting_records (id) on delete cascade,
	record_version integer not null,
	signer_id text not null references users (id),
	signed_at timestamptz not null default now(),
	content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
	-- Which canonical form the hash is of: a later form gets a new name, and
	-- old sign-offs stay verifiable with theirs.
	hash_format text not null check (length(hash_format) between 1 and 60),
	unique (record_id, record_version, signer_id),
	foreign key (record_id, record_version) references meeting_record_revisions (record_id, version)
);
create trigger meeting_record_signoffs_no_update
	before update on meeting_record_signoffs
	for each row execute function refuse_revision_change();

-- What happened in review, in order: requests for review, comments (on an
-- agenda item or the whole record), requests for changes, approvals, the
-- record becoming approved, publication. Never changed.
create table meeting_record_events (
	id bigint generated always as identity primary key,
	record_id bigint not null references meeting_records (id) on delete cascade,
	record_version integer not null,
	event text not null check (event in (
		'review_requested', 'comment', 'changes_requested', 'approved', 'record_approved', 'published', 'review_reopened'
	)),
	actor_id text references users (id) on delete set null,
	agenda_item_id bigint references agenda_items (id) on delete set null,
	body text not null default '' check (length(body) <= 4000),
	created_at timestamptz not null default now()
);
create index meeting_record_events_record_idx on meeting_record_events (record_id, id);
create trigger meeting_record_events_no_update
	before update on meeting_record_events
	for each row execute function refuse_revision_change();

-- Published records of public groups are public pages (with their
-- sign-offs and the signers' names): the response cache must hear of them.
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_records for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_record_translations for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_record_decisions for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_action_items for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_record_revisions for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_record_signoffs for each statement execute function public_content_changed();
