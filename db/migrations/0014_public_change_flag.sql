-- The process that commits a change to public content drops its own cached
-- pages at once, without waiting for its NOTIFY to come back over the LISTEN
-- connection (the next request may already be on its way: a publish, then
-- the redirect to the published page). The trigger also marks the
-- transaction; db/sql.server.ts's inTransaction reads the mark before
-- COMMIT and tells the process after it (every other process still learns
-- from the NOTIFY).
create or replace function public_content_changed() returns trigger
language plpgsql as $$
begin
	perform pg_notify('public_content_changed', tg_table_name);
	perform set_config('zevlab.public_content_changed', 'on', true);
	return null;
end
$$;
