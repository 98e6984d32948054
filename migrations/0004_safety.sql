-- Issue 12: idempotency keys, the one-run lease, failed-authentication throttling,
-- editors signed in by Cloudflare Access, story workflow attempts, run heartbeats,
-- and item URLs unique per publisher (not across publishers).
CREATE TABLE `idempotency_keys` (
	`editor_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer,
	`body` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`editor_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_window_idx` ON `rate_limits` (`window_start`);--> statement-breakpoint
ALTER TABLE `editors` ADD `email` text;--> statement-breakpoint
CREATE UNIQUE INDEX `editors_email_unique` ON `editors` (`email`);--> statement-breakpoint
ALTER TABLE `stories` ADD `workflow_id` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `workflow_started_at` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `workflow_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `heartbeat_at` text;--> statement-breakpoint
DROP INDEX `items_canonical_url_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `items_publisher_canonical_url_unique` ON `items` (`publisher`,`canonical_url`);--> statement-breakpoint
CREATE INDEX `items_canonical_url_idx` ON `items` (`canonical_url`);
--> statement-breakpoint
CREATE TABLE `batch_guards` (
	`reason` text NOT NULL
);
