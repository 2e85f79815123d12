-- Full-text search over everything readers can find (news, working groups,
-- meeting records, policy drafts), in English and Chinese, inside
-- PostgreSQL. One row per language version of a thing, written by the
-- features in the same transaction as their own save (app/search/), so the
-- index is never behind. See docs/decisions/020-bilingual-search.md.

-- Trigram similarity of titles: the fallback for misspelled words.
create extension if not exists pg_trgm;

create table search_documents (
	kind text not null check (kind in ('news', 'group', 'meeting', 'record', 'draft')),
	ref_id text not null check (length(ref_id) between 1 and 100),
	lang lang_code not null,
	-- Everything visibility needs is on the row, so the search filters in one
	-- query and no count can include a row the reader may not see.
	audience text not null check (audience in ('public', 'signed_in', 'members', 'owner')),
	-- A deleted group takes its documents out of the index with it.
	group_id bigint references working_groups (id) on delete cascade,
	owner_id text,
	-- Hidden until then (scheduled news); compared with the request's clock.
	visible_from timestamptz,
	title text not null check (length(title) <= 1000),
	body text not null,
	url_parts jsonb not null default '{}'::jsonb check (jsonb_typeof(url_parts) = 'object'),
	date timestamptz not null,
	-- English words stemmed by the `english` configuration plus CJK bigrams
	-- from the analyzer; weights A (title), B (summary), D (body). Matched
	-- through the GIN index.
	search_vector tsvector not null,
	-- The title's part of search_vector: small, kept in the row, so every
	-- match can be ordered without reading its whole vector; the full one
	-- scores only the first results.
	title_vector tsvector not null,
	-- Lower-cased title for the trigram fallback.
	title_folded text not null,
	analyzer_version smallint not null,
	indexed_at timestamptz not null default now(),
	primary key (kind, ref_id, lang),
	check (audience <> 'members' or group_id is not null),
	check (audience <> 'owner' or owner_id is not null)
);

-- A search reads the row of every match (visibility, facets, order) but
-- the text and the full vector of only the ten it shows: long values go to
-- TOAST early, so a row is ~200 bytes and 100,000 of them fit in memory
-- (measured: 640 MB of heap made common words take over a second).
alter table search_documents set (toast_tuple_target = 256);
alter table search_documents alter column title_vector set storage main;

create index search_documents_vector_idx on search_documents using gin (search_vector);
create index search_documents_title_trgm_idx on search_documents using gin (title_folded gin_trgm_ops);
create index search_documents_group_idx on search_documents (group_id) where group_id is not null;
-- The rebuild finds rows it did not rewrite by kind and time.
create index search_documents_indexed_idx on search_documents (kind, indexed_at);
