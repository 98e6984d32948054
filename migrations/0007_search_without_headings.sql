-- Search snippets must not open on a section heading ("What happened"): the body column now holds
-- the paragraphs, What This Means and the FAQ without headings (draftSearchText). Rebuild the rows
-- of every published article from its current version's draft the same way.
DELETE FROM `articles_fts`;
INSERT INTO `articles_fts` (`article_id`, `title`, `dek`, `body`)
SELECT a.`id`, a.`title`, a.`dek`,
  (SELECT group_concat(t.`text`, char(10) || char(10)) FROM (
     SELECT json_extract(p.`value`, '$.text') AS `text`
       FROM json_each(v.`draft`, '$.sections') AS s, json_each(s.`value`, '$.paragraphs') AS p
     UNION ALL
     SELECT json_extract(w.`value`, '$.text') FROM json_each(v.`draft`, '$.whatThisMeans') AS w
     UNION ALL
     SELECT json_extract(f.`value`, '$.question') || char(10) || char(10) || json_extract(f.`value`, '$.answer.text')
       FROM json_each(v.`draft`, '$.faq') AS f
   ) AS t)
FROM `articles` AS a
JOIN `article_versions` AS v ON v.`article_id` = a.`id` AND v.`version` = a.`current_version`
WHERE a.`status` = 'published';
