-- Policy drafts co-edited in two languages (docs/decisions/018-policy-drafts.md).
-- A draft belongs to a working group; its text is a list of sections with
-- stable ids, each holding its English and Chinese Markdown side by side, so
-- the two languages align section by section and a section keeps its
-- identity through renames and reordering. Drafts follow the versioned
-- document pattern (migration 0004, ADR 017): `version` is checked inside
-- every save's UPDATE, every save appends an immutable revision holding the
-- whole draft as `policy_draft_snapshot(id)` builds it.

create table policy_drafts (
	id bigint generated always as identity primary key,
	group_id bigint not null references working_groups (id) on delete cascade,
	version integer not null default 1 check (version > 0),
	status text not null default 'drafting' check (status in ('drafting', 'in_review', 'final', 'published')),
	title_en text not null default '' check (length(title_en) <= 300),
	title_zh text not null default '' check (length(title_zh) <= 300),
	-- The version the latest save started from: the revision's parent. Lower
	-- than version - 1 when the save was merged with others' saves.
	based_on_version integer check (based_on_version > 0),
	created_by text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	review_requested_at timestamptz,
	published_at timestamptz,
	check (title_en <> '' or title_zh <> '')
);
create index policy_drafts_group_idx on policy_drafts (group_id, updated_at desc);
create index policy_drafts_status_idx on policy_drafts (status, updated_at desc);

-- One row per section; a language's columns are null / empty while the
-- section has no text in that language (a translation not written yet).
-- Translation status per section and language, with the counters of
-- app/documents/translation-status.ts: `revision_<lang>` grows when that
-- language's text of the section changes, `<lang>_translated_from_revision`
-- is the other language's revision it was translated from (null: an original).
create table policy_draft_sections (
	draft_id bigint not null references policy_drafts (id) on delete cascade,
	id text not null check (id ~ '^[0-9a-z]{1,32}$'),
	position integer not null check (position >= 0),
	level_en smallint check (level_en between 0 and 6),
	heading_en text not null default '' check (length(heading_en) <= 500),
	body_en text not null default '' check (length(body_en) <= 200000),
	revision_en integer check (revision_en > 0),
	en_translated_from_revision integer check (en_translated_from_revision > 0),
	level_zh smallint check (level_zh between 0 and 6),
	heading_zh text not null default '' check (length(heading_zh) <= 500),
	body_zh text not null default '' check (length(body_zh) <= 200000),
	revision_zh integer check (revision_zh > 0),
	zh_translated_from_revision integer check (zh_translated_from_revision > 0),
	primary key (draft_id, id),
	unique (draft_id, position) deferrable initially deferred,
	-- A language is there (level and revision) or absent (no text at all).
	check ((level_en is null) = (revision_en is null)),
	check (level_en is not null or (heading_en = '' and body_en = '' and en_translated_from_revision is null)),
	check ((level_zh is null) = (revision_zh is null)),
	check (level_zh is not null or (heading_zh = '' and body_zh = '' and zh_translated_from_revision is null)),
	check (level_en is not null or level_zh is not null)
);

-- Every save: who, when, why (message), what changed, and the whole draft.
create table policy_draft_revisions (
	id bigint generated always as identity primary key,
	draft_id bigint not null references policy_drafts (id) on delete cascade,
	version integer not null,
	action text not null check (action in ('create', 'update', 'merge', 'restore', 'status')),
	changed_fields text[] not null default '{}',
	snapshot jsonb not null,
	author_id text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	message text not null default '' check (length(message) <= 500),
	unique (draft_id, version)
);
create trigger policy_draft_revisions_no_update
	before update on policy_draft_revisions
	for each row execute function refuse_revision_change();

-- The whole draft as one JSON value, what each revision records.
create function policy_draft_snapshot(target_id bigint) returns jsonb
language sql stable as $$
	select jsonb_build_object(
		'groupId', d.group_id::text,
		'status', d.status,
		'title', jsonb_build_object('en', d.title_en, 'zh', d.title_zh),
		'basedOnVersion', d.based_on_version,
		'sections', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', s.id,
				'en', case when s.level_en is null then null else jsonb_build_object(
					'heading', s.heading_en, 'level', s.level_en, 'body', s.body_en,
					'revision', s.revision_en, 'translatedFromRevision', s.en_translated_from_revision
				) end,
				'zh', case when s.level_zh is null then null else jsonb_build_object(
					'heading', s.heading_zh, 'level', s.level_zh, 'body', s.body_zh,
					'revision', s.revision_zh, 'translatedFromRevision', s.zh_translated_from_revision
				) end
			) order by s.position)
			from policy_draft_sections s where s.draft_id = d.id
		), '[]'::jsonb)
	)
	from policy_drafts d
	where d.id = target_id
$$;

-- Reviewers named when the draft goes to review (members or invited officials).
create table policy_draft_reviewers (
	draft_id bigint not null references policy_drafts (id) on delete cascade,
	user_id text not null references users (id) on delete cascade,
	named_by text references users (id) on delete set null,
	named_at timestamptz not null default now(),
	primary key (draft_id, user_id)
);
create index policy_draft_reviewers_user_idx on policy_draft_reviewers (user_id);

-- Their decisions, on the version they read; never changed (a new decision follows).
create table policy_draft_reviews (
	id bigint generated always as identity primary key,
	draft_id bigint not null references policy_drafts (id) on delete cascade,
	reviewer_id text references users (id) on delete set null,
	version integer not null check (version > 0),
	decision text not null check (decision in ('approve', 'request_changes')),
	note text not null default '' check (length(note) <= 2000),
	created_at timestamptz not null default now()
);
create index policy_draft_reviews_draft_idx on policy_draft_reviews (draft_id, created_at);
create trigger policy_draft_reviews_no_update
	before update on policy_draft_reviews
	for each row execute function refuse_revision_change();

-- Threaded comments anchored to a section (by id, not a foreign key: a
-- comment outlives its section) and a quoted passage, kept as it was when
-- the comment was written.
create table policy_draft_comments (
	id bigint generated always as identity primary key,
	draft_id bigint not null references policy_drafts (id) on delete cascade,
	-- A reply belongs to its thread's first comment.
	parent_id bigint references policy_draft_comments (id) on delete cascade,
	section_id text not null check (section_id ~ '^[0-9a-z]{1,32}$'),
	lang lang_code not null,
	quote text not null default '' check (length(quote) <= 1000),
	-- The draft's version the comment was written on.
	version integer not null check (version > 0),
	body text not null check (length(body) between 1 and 5000),
	author_id text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	resolved_at timestamptz,
	resolved_by text references users (id) on delete set null,
	check (parent_id is null or (quote = '' and resolved_at is null))
);
create index policy_draft_comments_draft_idx on policy_draft_comments (draft_id, created_at);
create index policy_draft_comments_parent_idx on policy_draft_comments (parent_id);

create table policy_draft_comment_mentions (
	comment_id bigint not null references policy_draft_comments (id) on delete cascade,
	user_id text not null references users (id) on delete cascade,
	primary key (comment_id, user_id)
);
create index policy_draft_comment_mentions_user_idx on policy_draft_comment_mentions (user_id);

-- Published drafts of public groups are public pages (the draft, the list,
-- the group page): the response cache must hear of every change to them.
-- Comments, reviews and revisions are shown only to signed-in readers.
create trigger public_content_changed after insert or update or delete or truncate
	on policy_drafts for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on policy_draft_sections for each statement execute function public_content_changed();
