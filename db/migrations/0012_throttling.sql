-- Throttling without lockouts (docs/decisions/019-throttling.md).

-- Token buckets, one row per key: how many attempts the key has left as of
-- updated_at; they refill with time, up to the rule's capacity (the rules
-- are in app/auth/throttle.queries.server.ts). Keys:
--   'sign-in:pair:<address> <email>'  one account from one address
--   'sign-in:account:<email>'         one account from addresses it never signed in from
--   'sign-in:address:<address>'       one address, on accounts never signed in from there
--   'reset:account:<email>', 'reset:address:<address>'   forgot-password requests
-- An address is IPv4, or an IPv6 /64 (one subscriber's whole range).
-- subject_email names the account a bucket belongs to, so that a password
-- reset can clear the account's buckets at once.
create table throttle_buckets (
	key text primary key check (length(key) <= 600),
	subject_email text,
	tokens double precision not null,
	updated_at timestamptz not null default now(),
	-- A refusal is written to the audit log once per bucket per quarter hour,
	-- so that refused traffic cannot fill the log.
	refusal_logged_at timestamptz
);
create index throttle_buckets_subject_email_idx on throttle_buckets (subject_email) where subject_email is not null;
create index throttle_buckets_updated_at_idx on throttle_buckets (updated_at);

-- Where an account signed in from (or reset its password from): failures of
-- others never slow it there. Forgotten after 90 days unseen.
create table sign_in_known_addresses (
	email text not null,
	address text not null,
	last_seen_at timestamptz not null default now(),
	primary key (email, address)
);
create index sign_in_known_addresses_last_seen_at_idx on sign_in_known_addresses (last_seen_at);

-- Replaced by the buckets above: failures are no longer rows of their own.
drop table sign_in_failures;

-- At most one live reset link per account: a new one replaces the old.
-- Links already out, all but each account's newest, are retired first.
update password_resets r set used_at = now()
where r.used_at is null
	and exists (
		select 1 from password_resets newer
		where newer.user_id = r.user_id and newer.used_at is null
			and (newer.created_at, newer.token_hash) > (r.created_at, r.token_hash)
	);
create unique index password_resets_one_live_per_user_idx on password_resets (user_id) where used_at is null;
