CREATE TABLE `attempt_answers` (
	`attempt_id` text NOT NULL,
	`question_id` text NOT NULL,
	`value` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `career_vectors` (
	`career_slug` text NOT NULL,
	`dimension_id` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`career_slug`, `dimension_id`),
	FOREIGN KEY (`career_slug`) REFERENCES `careers`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `careers` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`family_id` text NOT NULL,
	`hook` text NOT NULL,
	`summary` text NOT NULL,
	`onet_code` text NOT NULL,
	`onet_title` text NOT NULL,
	`onet_analog_quality` text NOT NULL,
	`profile` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `careers_family_idx` ON `careers` (`family_id`);--> statement-breakpoint
CREATE TABLE `dismissals` (
	`user_id` text NOT NULL,
	`career_slug` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `career_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `families` (
	`id` text PRIMARY KEY NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `question_loadings` (
	`question_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`question_id`, `dimension_id`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`text_fr` text NOT NULL,
	`text_en` text NOT NULL,
	`rationale` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_token_hash` text NOT NULL,
	`user_id` text,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_owner_idx` ON `quiz_attempts` (`owner_token_hash`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_user_idx` ON `quiz_attempts` (`user_id`);--> statement-breakpoint
CREATE TABLE `results` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`engine_version` text NOT NULL,
	`catalogue_version` text NOT NULL,
	`ranking` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `results_attempt_id_unique` ON `results` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `results_created_idx` ON `results` (`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`publisher` text NOT NULL,
	`year` integer NOT NULL,
	`url` text NOT NULL,
	`licence` text,
	`used_for` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `training_careers` (
	`training_slug` text NOT NULL,
	`career_slug` text NOT NULL,
	PRIMARY KEY(`training_slug`, `career_slug`),
	FOREIGN KEY (`training_slug`) REFERENCES `trainings`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`career_slug`) REFERENCES `careers`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `training_careers_career_idx` ON `training_careers` (`career_slug`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`track` text NOT NULL,
	`duration_months` integer NOT NULL,
	`level_bac` integer,
	`level_rncp` integer,
	`formats` text NOT NULL,
	`financing` text NOT NULL,
	`skills` text NOT NULL,
	`cost` text NOT NULL,
	`prerequisites` text NOT NULL,
	`summary` text NOT NULL,
	`providers` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`role` text DEFAULT 'student' NOT NULL,
	`password_hash` text NOT NULL,
	`birth_year` integer NOT NULL,
	`parental_consent_name` text,
	`parental_consent_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_identifier_unique` ON `users` (`identifier`);