-- A story that could not be written is named in the run that first sees it failed, not again in
-- every later run: the run stamps it here. A new failure (the story grew and failed again) clears it.
ALTER TABLE `stories` ADD `failure_reported_at` text;
