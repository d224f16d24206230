CREATE TABLE `catalogue_versions` (
	`number` integer PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`source` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`attempts` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
-- One attempt in progress per owner from now on. The app has always resumed the most recently saved one, so
-- an older one still open (a log-in could claim a second) was never shown again: it goes, with its answers.
DELETE FROM `quiz_attempts` WHERE `finished_at` IS NULL AND EXISTS (
	SELECT 1 FROM `quiz_attempts` AS `newer`
	WHERE `newer`.`finished_at` IS NULL AND `newer`.`id` <> `quiz_attempts`.`id`
		AND (`newer`.`user_id` = `quiz_attempts`.`user_id`
			OR (`newer`.`user_id` IS NULL AND `quiz_attempts`.`user_id` IS NULL
				AND `newer`.`owner_token_hash` = `quiz_attempts`.`owner_token_hash`))
		AND (`newer`.`updated_at` > `quiz_attempts`.`updated_at`
			OR (`newer`.`updated_at` = `quiz_attempts`.`updated_at` AND `newer`.`id` > `quiz_attempts`.`id`))
);--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_one_open_per_user` ON `quiz_attempts` (`user_id`) WHERE "quiz_attempts"."finished_at" is null and "quiz_attempts"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_one_open_per_browser` ON `quiz_attempts` (`owner_token_hash`) WHERE "quiz_attempts"."finished_at" is null and "quiz_attempts"."user_id" is null;