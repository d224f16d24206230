ALTER TABLE "careers" ADD COLUMN "entry_level" text DEFAULT 'bac+5' NOT NULL;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "registration_rncp" text;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "registration_rs" text;