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
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `careers_family_idx` ON `careers` (`family_id`);--> statement-breakpoint
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
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_owner_idx` ON `quiz_attempts` (`owner_token_hash`);--> statement-breakpoint
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
CREATE INDEX `results_created_idx` ON `results` (`created_at`);