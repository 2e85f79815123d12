-- What the group and meeting pages need beyond 0006: members' affiliations,
-- who last changed a meeting (for the conflict notice), and the response
-- cache's triggers on every table whose rows public pages now show.

-- A member's institution, shown beside their name on group and meeting pages.
alter table users
	add column affiliation text check (length(affiliation) <= 200);

-- The one who saved the meeting's current version: a second editor whose
-- save was refused is told who changed it in between, and when.
alter table meetings
	add column updated_by text references users (id) on delete set null;

-- Public groups' members and meetings (their agendas, attendees and the list
-- of attachments) appear on pages the public reads, so a change to any of
-- these tables must drop the cached copies (0005). Private groups' rows
-- trigger it too: a statement trigger cannot tell, and a needless refresh
-- costs one render.
create trigger public_content_changed after insert or update or delete or truncate
	on group_memberships for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meetings for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_translations for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on agenda_items for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_attendees for each statement execute function public_content_changed();
create trigger public_content_changed after insert or update or delete or truncate
	on meeting_attachments for each statement execute function public_content_changed();

-- Group pages show members' names and affiliations and leave deactivated
-- accounts out: those columns now matter to public pages too.
drop trigger public_content_changed on users;
create trigger public_content_changed after update of name, affiliation, deactivated_at or delete or truncate
	on users for each statement execute function public_content_changed();
