ALTER TABLE "registrations" ADD COLUMN "pending_manage_token_hash" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "event_id" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_event_idx" ON "outbox" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_pendingManageTokenHash_unique" UNIQUE("pending_manage_token_hash");