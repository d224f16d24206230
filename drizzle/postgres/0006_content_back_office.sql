CREATE TABLE "catalogue_drafts" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"record" jsonb,
	"author_id" text,
	"author_name" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "catalogue_drafts_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "student_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD COLUMN "author_id" text;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD COLUMN "author_name" text;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "catalogue_drafts" ADD CONSTRAINT "catalogue_drafts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;