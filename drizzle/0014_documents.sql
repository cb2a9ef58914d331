CREATE TYPE "public"."attachment_kind" AS ENUM('agenda', 'slides', 'minutes', 'handout', 'photo', 'document');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer,
	"outcome_id" integer,
	"plan_id" integer,
	"plan_item_id" integer,
	"title" text NOT NULL,
	"kind" "attachment_kind" DEFAULT 'document' NOT NULL,
	"storage_key" text,
	"preview_key" text,
	"external_url" text,
	"filename" text,
	"content_type" text,
	"size" bigint,
	"extracted_text" text,
	"published" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."event_id", "attachments"."outcome_id", "attachments"."plan_id", "attachments"."plan_item_id") = 1),
	CONSTRAINT "attachments_file_or_link" CHECK (("attachments"."storage_key" IS NULL) <> ("attachments"."external_url" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_plan_item_id_action_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_event_idx" ON "attachments" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "attachments_outcome_idx" ON "attachments" USING btree ("outcome_id","position");--> statement-breakpoint
CREATE INDEX "attachments_plan_idx" ON "attachments" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "attachments_plan_item_idx" ON "attachments" USING btree ("plan_item_id","position");--> statement-breakpoint
-- Documents show on public pages and in the archive feed: any change raises the public revision (0011).
CREATE TRIGGER attachments_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "attachments"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();
