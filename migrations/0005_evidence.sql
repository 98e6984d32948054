-- The check report's evidence (each supported claim with the cited source's sentence), stored with each article version.
ALTER TABLE `article_versions` ADD `evidence` text DEFAULT '[]' NOT NULL;
