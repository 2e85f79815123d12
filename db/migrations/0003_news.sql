-- The newsroom: authors, tags, cover images, an optimistic-concurrency
-- version, review requests, translation status per language version and an
-- append-only revision history.

-- Images editors upload. The bytes live in the storage module (a local folder
-- or an S3-compatible bucket) under a content-addressed key, so a URL never
-- changes meaning and can be cached forever.
create table media (
	id bigint generated always as identity primary key,
	storage_key text not null unique check (storage_key ~ '^[a-f0-9]{64}\.(jpg|png|webp|gif)$'),
	content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),
	byte_size integer not null check (byte_size > 0),
	width integer not null check (width > 0),
	height integer not null check (height > 0),
	original_name text not null default '' check (length(original_name) <= 200),
	uploaded_by text references users (id) on delete set null,
	created_at timestamptz not null default now()
);

create table tags (
	id bigint generated always as identity primary key,
	slug url_slug not null unique,
	created_at timestamptz not null default now()
);

create table tag_translations (
	tag_id bigint not null references tags (id) on delete cascade,
	lang lang_code not null,
	label text not null check (length(label) between 1 and 60),
	primary key (tag_id, lang)
);

alter table news_posts
	-- Bumped by every save; an UPDATE carries the version the editor loaded
	-- in its WHERE clause, so a concurrent save is refused instead of lost.
	add column version integer not null default 1 check (version > 0),
	add column author_id text references users (id) on delete set null,
	-- A researcher's "please review": cleared when an editor publishes,
	-- schedules or sends it back.
	add column review_requested_at timestamptz,
	add column cover_media_id bigint references media (id) on delete set null;

-- A scheduled post is public once its time has come, with no job to flip it:
-- the public queries compare published_at with the (injectable) clock.
drop index news_posts_public_idx;
create index news_posts_public_idx on news_posts (published_at desc, id desc)
	where status in ('published', 'scheduled');

alter table news_post_translations
	add column cover_alt text not null default '' check (length(cover_alt) <= 300),
	-- Counts changes to this version's text (title, summary, body, SEO
	-- description); other saves of the post leave it alone.
	add column revision integer not null default 1 check (revision > 0),
	-- The other language's `revision` this version was translated from or
	-- last brought up to date with; null for an original. Outdated when the
	-- other version's revision has moved past it.
	add column translated_from_revision integer check (translated_from_revision > 0);

create table news_post_tags (
	post_id bigint not null references news_posts (id) on delete cascade,
	tag_id bigint not null references tags (id) on delete cascade,
	primary key (post_id, tag_id)
);
create index news_post_tags_tag_idx on news_post_tags (tag_id, post_id);

-- Every save is a revision: who, when, what it did, which fields changed and
-- the whole post as it stood after the save (so any revision can be shown
-- and restored). Rows are never changed.
create table news_post_revisions (
	id bigint generated always as identity primary key,
	post_id bigint not null references news_posts (id) on delete cascade,
	version integer not null,
	action text not null check (action in (
		'create', 'update', 'submit', 'publish', 'schedule', 'unpublish', 'archive', 'restore'
	)),
	changed_fields text[] not null default '{}',
	snapshot jsonb not null,
	author_id text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	unique (post_id, version)
);

create function news_post_revisions_append_only() returns trigger
language plpgsql as $$
begin
	raise exception 'news_post_revisions is append-only';
end
$$;

create trigger news_post_revisions_no_update
	before update on news_post_revisions
	for each row execute function news_post_revisions_append_only();

-- The whole post as the database holds it, in one JSON value: what a revision
-- records. Computed here so the app and the seed cannot disagree on its shape.
create function news_post_snapshot(target_id bigint) returns jsonb
language sql stable as $$
	select jsonb_build_object(
		'status', p.status,
		'publishedAt', p.published_at,
		'workingGroupId', p.working_group_id::text,
		'coverMediaId', p.cover_media_id::text,
		'tags', coalesce((
			select jsonb_agg(t.slug order by t.slug)
			from news_post_tags pt join tags t on t.id = pt.tag_id
			where pt.post_id = p.id
		), '[]'::jsonb),
		'versions', coalesce((
			select jsonb_object_agg(v.lang, jsonb_build_object(
				'slug', v.slug,
				'title', v.title,
				'summary', v.summary,
				'bodyMarkdown', v.body_markdown,
				'seoDescription', v.seo_description,
				'coverAlt', v.cover_alt,
				'revision', v.revision,
				'translatedFromRevision', v.translated_from_revision
			))
			from news_post_translations v
			where v.post_id = p.id
		), '{}'::jsonb)
	)
	from news_posts p
	where p.id = target_id
$$;
