-- The newsroom's list filtered by workflow step ("scheduled", "archived",
-- "awaiting review"), most recently changed first: without it a rare step
-- read the whole list index (20 ms on the benchmark's 100,000 posts, most of
-- them published), and with one plan kept for every step (db/sql.server.ts,
-- rowLimit) the rare steps would have paid it on every page.
create index news_posts_status_updated_idx on news_posts (status, updated_at desc, id desc);
