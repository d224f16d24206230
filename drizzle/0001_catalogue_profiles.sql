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
ALTER TABLE `careers` ADD `profile` text DEFAULT '{}' NOT NULL;