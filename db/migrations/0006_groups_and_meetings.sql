-- Working groups become places to work: visibility, members with group roles,
-- and meetings (agenda, attendees, attachments). Meeting records (minutes and
-- their sign-off) and policy drafts build on these tables in their own
-- migrations.

-- A private group, its meetings, records and attachments exist only for its
-- members (and site admins): every query that lists or opens them filters by
-- this, and a URL of it answers 404 to anyone else.
alter table working_groups
	add column visibility text not null default 'public' check (visibility in ('public', 'private')),
	-- Archived groups stay readable by their members but leave public lists.
	add column archived_at timestamptz,
	add column created_by text references users (id) on delete set null,
	add column updated_at timestamptz not null default now();

-- The charter is Markdown (the existing description column holds it); the
-- summary stays plain text for cards.
comment on column working_group_translations.description is 'The group''s charter, Markdown.';

create table group_memberships (
	group_id bigint not null references working_groups (id) on delete cascade,
	user_id text not null references users (id) on delete cascade,
	-- lead: manages members and meetings, names reviewers; member: writes;
	-- observer: reads (and may comment or review), never writes.
	role text not null check (role in ('lead', 'member', 'observer')),
	added_by text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (group_id, user_id)
);
create index group_memberships_user_idx on group_memberships (user_id, group_id);

create table meetings (
	id bigint generated always as identity primary key,
	group_id bigint not null references working_groups (id) on delete cascade,
	-- Bumped by every change (cancelling included): the optimistic-concurrency
	-- check, and the iCalendar SEQUENCE.
	version integer not null default 1 check (version > 0),
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	-- The organizer's zone: how the form shows the times it was given in.
	time_zone text not null,
	place text not null default '' check (length(place) <= 300),
	online_url text not null default '' check (length(online_url) <= 500 and (online_url = '' or online_url ~ '^https?://')),
	cancelled_at timestamptz,
	created_by text references users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (ends_at > starts_at)
);
create index meetings_group_starts_idx on meetings (group_id, starts_at desc);
create index meetings_starts_idx on meetings (starts_at desc, id desc);

create table meeting_translations (
	meeting_id bigint not null references meetings (id) on delete cascade,
	lang lang_code not null,
	title text not null check (length(title) between 1 and 200),
	primary key (meeting_id, lang)
);

-- The agenda, in order; each item bilingual (a language may be empty).
create table agenda_items (
	id bigint generated always as identity primary key,
	meeting_id bigint not null references meetings (id) on delete cascade,
	position integer not null check (position >= 0),
	title_en text not null default '' check (length(title_en) <= 300),
	title_zh text not null default '' check (length(title_zh) <= 300),
	check (title_en <> '' or title_zh <> ''),
	unique (meeting_id, position) deferrable initially deferred
);

-- Who is expected (members and invited officials), and afterwards who came.
create table meeting_attendees (
	meeting_id bigint not null references meetings (id) on delete cascade,
	user_id text not null references users (id) on delete cascade,
	attendance text check (attendance in ('present', 'apologies', 'absent')),
	primary key (meeting_id, user_id)
);
create index meeting_attendees_user_idx on meeting_attendees (user_id);

-- Attachments: the bytes live in the storage module under a content-addressed
-- key (never served from the public /media path); served only to those who
-- may see the meeting.
create table meeting_attachments (
	id bigint generated always as identity primary key,
	meeting_id bigint not null references meetings (id) on delete cascade,
	storage_key text not null check (storage_key ~ '^[a-f0-9]{64}\.[a-z0-9]{1,5}$'),
	content_type text not null,
	byte_size integer not null check (byte_size > 0),
	file_name text not null check (length(file_name) between 1 and 200),
	uploaded_by text references users (id) on delete set null,
	created_at timestamptz not null default now()
);
create index meeting_attachments_meeting_idx on meeting_attachments (meeting_id, id);

-- A member's calendar feed address for their groups: calendar apps send no
-- cookies, so the URL carries a secret; only its SHA-256 is stored (like a
-- session token), and the member can reset it.
create table calendar_feed_tokens (
	user_id text primary key references users (id) on delete cascade,
	token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
	created_at timestamptz not null default now()
);
