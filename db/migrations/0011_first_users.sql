-- What the first users asked for (issue 13): the review conversation on a
-- news post, invitations an admin can revoke, and messages from the public
-- contact page.

-- A document's review conversation, in the shared pattern for versioned
-- documents (app/documents/review-thread.queries.server.ts): one table per
-- document type, with the document's id, who wrote, when, and what kind of
-- entry it is. Meeting records and policy drafts add theirs the same way.
-- Only members see it: no public-cache trigger.
create table news_post_comments (
	id bigint generated always as identity primary key,
	post_id bigint not null references news_posts (id) on delete cascade,
	author_id text references users (id) on delete set null,
	kind text not null check (kind in ('comment', 'changes-requested', 'approved')),
	body text not null check (length(body) <= 4000),
	-- The post's version the entry was written about.
	version integer not null check (version > 0),
	created_at timestamptz not null default now(),
	-- A comment says something; a decision may stand on its own.
	check (kind <> 'comment' or length(body) > 0)
);
create index news_post_comments_post_idx on news_post_comments (post_id, created_at, id);

-- A revoked invitation's link stops working; the row stays, for the record.
alter table invitations add column revoked_at timestamptz;

-- Messages sent from the public contact page. Kept so a flood can be
-- throttled per address; the message itself goes to the lab's address
-- through the outbox. Never shown on a public page: no public-cache trigger.
create table contact_messages (
	id bigint generated always as identity primary key,
	name text not null check (length(name) between 1 and 120),
	email text not null check (length(email) between 3 and 254),
	subject text not null default '' check (length(subject) <= 200),
	body text not null check (length(body) between 1 and 5000),
	lang lang_code not null,
	ip text,
	created_at timestamptz not null default now()
);
create index contact_messages_ip_idx on contact_messages (ip, created_at);
create index contact_messages_created_at_idx on contact_messages (created_at);
