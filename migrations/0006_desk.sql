-- Issue 14: the editors' desk. Signed-in desk sessions (stored as the SHA-256 of the cookie's
-- secret, expiring, revocable) and the one-time nonces of desk forms, each landed in the same
-- batch as the action it carried, so a resubmitted form never acts twice.
CREATE TABLE `desk_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`editor_id` text NOT NULL,
	`editor_name` text NOT NULL,
	`role` text NOT NULL,
	`via` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`flash` text,
	`credential` text
);
--> statement-breakpoint
CREATE INDEX `desk_sessions_editor_idx` ON `desk_sessions` (`editor_id`);--> statement-breakpoint
CREATE INDEX `desk_sessions_expires_idx` ON `desk_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `desk_nonces` (
	`nonce` text PRIMARY KEY NOT NULL,
	`editor_id` text NOT NULL,
	`action` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `desk_nonces_created_idx` ON `desk_nonces` (`created_at`);
