ALTER TABLE `quiz_attempts` ADD `mode` text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `item_limit` integer;