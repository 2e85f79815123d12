-- The public response cache (app/http/response-cache.server.ts) keeps the
-- rendered bytes of anonymous pages in every portal process. Any write that
-- can change what the public sees tells every process at once: a statement
-- trigger on each such table sends a NOTIFY, which PostgreSQL delivers at
-- COMMIT (never for a rolled-back write) to every process that LISTENs.
-- Scheduled posts need nothing here: the cache keeps each page only until
-- the next published_at it has not passed yet (see the ADR 015).
--
-- A feature whose table public pages show adds ONE line for it, like those
-- below, in its own migration:
--   create trigger public_content_changed after insert or update or delete or truncate
--     on <table> for each statement execute function public_content_changed();

create function public_content_changed() returns trigger
language plpgsql as $$
begin
	-- Identical notifications in one transaction are folded into one, so a
	-- bulk write costs one message. The payload (the table) is for logs only:
	-- a process drops all of its pages on any change, which keeps the rule
	-- exact without mapping tables to pages.
	perform pg_notify('public_content_changed', tg_table_name);
	return null;
end
$$;

create trigger public_content_changed after insert or update or delete or truncate
	on news_posts for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on news_post_translations for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on news_post_tags for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on tags for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on tag_translations for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on media for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on working_groups for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on working_group_translations for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on policy_comparisons for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on policy_comparison_translations for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on policy_comparison_rows for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on policy_comparison_row_translations for each statement execute function public_content_changed();
-- Articles show their author's name, nothing else of a user: a new account,
-- a new password or a profile's time zone leave public pages alone.
create trigger public_content_changed after update of name or delete or truncate
	on users for each statement execute function public_content_changed();
