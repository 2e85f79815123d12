-- Accounts, sessions, invitations, password resets, sign-in throttling,
-- the email outbox and the audit log.

create table users (
	id text primary key,
	email text not null check (email = lower(email) and email like '%_@_%'),
	name text not null check (length(name) between 1 and 120),
	role text not null check (role in ('admin', 'editor', 'researcher', 'official')),
	password_hash text not null,
	lang lang_code not null default 'en',
	time_zone text not null default 'America/Los_Angeles',
	deactivated_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create unique index users_email_key on users (email);

-- Lucia's session table. `id` is the SHA-256 of the token in the cookie:
-- a leaked database does not hand out sessions.
create table sessions (
	id text primary key check (id ~ '^[0-9a-f]{64}$'),
	user_id text not null references users (id) on delete cascade,
	-- Idle expiry: slides forward while the session is used.
	expires_at timestamptz not null,
	-- Absolute expiry: never moves.
	absolute_expires_at timestamptz not null,
	created_at timestamptz not null default now(),
	ip text,
	user_agent text
);
create index sessions_user_id_idx on sessions (user_id);

create table invitations (
	id bigint generated always as identity primary key,
	token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
	email text not null check (email = lower(email)),
	name text not null default '',
	role text not null check (role in ('admin', 'editor', 'researcher', 'official')),
	lang lang_code not null,
	invited_by text references users (id) on delete set null,
	expires_at timestamptz not null,
	accepted_at timestamptz,
	created_at timestamptz not null default now()
);

create table password_resets (
	token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
	user_id text not null references users (id) on delete cascade,
	expires_at timestamptz not null,
	used_at timestamptz,
	created_at timestamptz not null default now()
);
create index password_resets_user_id_idx on password_resets (user_id);

-- One row per failed sign-in, keyed by what it counts against
-- ('account:<email>' or 'ip:<address>'); old rows are pruned on write.
create table sign_in_failures (
	id bigint generated always as identity primary key,
	key text not null,
	failed_at timestamptz not null default now()
);
create index sign_in_failures_key_idx on sign_in_failures (key, failed_at);

create table email_outbox (
	id bigint generated always as identity primary key,
	to_email text not null,
	subject text not null,
	body_text text not null,
	kind text not null,
	created_at timestamptz not null default now(),
	sent_at timestamptz,
	-- 'smtp' or 'log': how it left, so admins know whether it really went out.
	transport text,
	error text
);

create table audit_events (
	id bigint generated always as identity primary key,
	occurred_at timestamptz not null default now(),
	event text not null,
	actor_id text references users (id) on delete set null,
	subject_user_id text references users (id) on delete set null,
	email text,
	ip text,
	details jsonb not null default '{}'
);
create index audit_events_occurred_at_idx on audit_events (occurred_at desc, id desc);
create index audit_events_event_idx on audit_events (event, occurred_at desc);
