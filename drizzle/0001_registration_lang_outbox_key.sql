ALTER TABLE "registrations" ADD COLUMN "lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_dedupeKey_unique" UNIQUE("dedupe_key");