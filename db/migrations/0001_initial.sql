-- The portal's first schema: working groups, news posts and the policy
-- comparison shown on the home page, each with one row per language.
-- Language-specific text lives in *_translations tables so a second language
-- can be missing (and shown as missing) instead of duplicated.

create domain lang_code as text check (value in ('en', 'zh'));
create domain url_slug as text check (value ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(value) <= 120);

create table working_groups (
	id bigint generated always as identity primary key,
	slug url_slug not null unique,
	sort_order integer not null default 0,
	created_at timestamptz not null default now()
);

create table working_group_translations (
	group_id bigint not null references working_groups (id) on delete cascade,
	lang lang_code not null,
	name text not null check (length(name) between 1 and 120),
	summary text not null check (length(summary) <= 400),
	description text not null,
	primary key (group_id, lang)
);

create table news_posts (
	id bigint generated always as identity primary key,
	status text not null default 'draft'
		check (status in ('draft', 'scheduled', 'published', 'archived')),
	published_at timestamptz,
	working_group_id bigint references working_groups (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (status in ('draft', 'archived') or published_at is not null)
);

-- Public listings read newest first by (published_at, id): keyset pagination.
create index news_posts_public_idx on news_posts (published_at desc, id desc)
	where status = 'published';

create table news_post_translations (
	post_id bigint not null references news_posts (id) on delete cascade,
	lang lang_code not null,
	slug url_slug not null,
	title text not null check (length(title) between 1 and 200),
	summary text not null check (length(summary) <= 600),
	body_markdown text not null,
	seo_description text not null default '' check (length(seo_description) <= 300),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (post_id, lang),
	unique (lang, slug)
);

create table policy_comparisons (
	id bigint generated always as identity primary key,
	key url_slug not null unique
);

create table policy_comparison_translations (
	comparison_id bigint not null references policy_comparisons (id) on delete cascade,
	lang lang_code not null,
	source text not null,
	primary key (comparison_id, lang)
);

create table policy_comparison_rows (
	id bigint generated always as identity primary key,
	comparison_id bigint not null references policy_comparisons (id) on delete cascade,
	key url_slug not null,
	sort_order integer not null,
	unique (comparison_id, key)
);

create table policy_comparison_row_translations (
	row_id bigint not null references policy_comparison_rows (id) on delete cascade,
	lang lang_code not null,
	element text not null,
	china text not null,
	usa text not null,
	primary key (row_id, lang)
);
