CREATE TABLE `catalogue_drafts` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`record` text,
	`author_id` text,
	`author_name` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `key`),
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`student_id` text,
	`subject` text,
	`cohort_id` text,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`student_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "actor_id", "actor_name", "student_id", "cohort_id", "action", "at") SELECT "id", "actor_id", "actor_name", "student_id", "cohort_id", "action", "at" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_log_student_idx` ON `audit_log` (`student_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
ALTER TABLE `catalogue_versions` ADD `author_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `catalogue_versions` ADD `author_name` text;--> statement-breakpoint
ALTER TABLE `catalogue_versions` ADD `note` text;