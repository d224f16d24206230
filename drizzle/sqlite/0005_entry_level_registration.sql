ALTER TABLE `careers` ADD `entry_level` text DEFAULT 'bac+5' NOT NULL;--> statement-breakpoint
ALTER TABLE `trainings` ADD `registration_rncp` text;--> statement-breakpoint
ALTER TABLE `trainings` ADD `registration_rs` text;