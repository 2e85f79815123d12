-- The shared versioned-document mechanism (app/documents/): every versioned
-- document type (news posts now; meeting minutes and policy drafts next)
-- keeps its own tables in one pattern:
--   <documents>            id, version (bumped by every save, checked inside
--                          the UPDATE's WHERE: no lost update)
--   <document>_revisions   append-only: id, <document>_id, version, action,
--                          changed_fields, snapshot (jsonb), author_id,
--                          created_at, message
--   <document>_snapshot(id) the whole document as one JSON value
-- This migration adds the one trigger function every revisions table uses.

create function refuse_revision_change() returns trigger
language plpgsql as $$
begin
	raise exception '% is append-only: revisions are never changed', tg_table_name;
end
$$;

drop trigger news_post_revisions_no_update on news_post_revisions;
drop function news_post_revisions_append_only();
create trigger news_post_revisions_no_update
	before update on news_post_revisions
	for each row execute function refuse_revision_change();

-- A save may say why (policy drafts ask for a message); news saves leave it empty.
alter table news_post_revisions add column message text not null default '' check (length(message) <= 500);
