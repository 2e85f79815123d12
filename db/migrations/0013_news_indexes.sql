-- Indexes the news needs at scale (the benchmark's 100,000 posts):
-- related posts of the same working group, newest first, and the newsroom's
-- list, most recently changed first.
create index news_posts_group_public_idx on news_posts (working_group_id, published_at desc, id desc)
	where status in ('published', 'scheduled') and working_group_id is not null;
create index news_posts_updated_idx on news_posts (updated_at desc, id desc);
create index news_posts_author_updated_idx on news_posts (author_id, updated_at desc, id desc);
