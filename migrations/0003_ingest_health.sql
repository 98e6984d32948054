-- Ingest at scale and feeds as they come in the wild (issue 11). Hand-written; migrations/meta is not regenerated.
-- What a source's last good fetch recovered from (broken items left out, charset fallback), as a JSON array.
ALTER TABLE `sources` ADD `last_warnings` text;
--> statement-breakpoint
-- A permanent redirect (301/308) seen on the last fetch: a second fetch in a row that sees it moves feed_url there.
ALTER TABLE `sources` ADD `moved_to` text;
--> statement-breakpoint
-- Queue fan-out: sources a run enqueued, and how many have landed (fetched, parsed and stored, or failed for good).
ALTER TABLE `runs` ADD `ingest_queued` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `runs` ADD `ingest_landed` integer DEFAULT 0 NOT NULL;
