-- Full-text search over published articles (FTS5, bm25 ranking). The publish step
-- writes and deletes rows here in the same batch as the article itself.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  `article_id` UNINDEXED,
  `title`,
  `dek`,
  `body`,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
