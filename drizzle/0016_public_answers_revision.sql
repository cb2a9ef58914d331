ALTER TABLE "public_revision" DROP CONSTRAINT "public_revision_one_row";--> statement-breakpoint
ALTER TABLE "public_revision" ADD CONSTRAINT "public_revision_rows" CHECK ("public_revision"."id" IN (1, 2));--> statement-breakpoint
-- Public answers kept in memory (src/platform/http/page-cache.ts) stay exact because every write to
-- a table whose rows show on a public page, feed or public API read raises the public revision
-- (row 1), and every write to registrations (the seats left) raises the seats revision (row 2).
-- Statement triggers: one raise per statement, whatever it touched; a new public table joins with
-- one line like those below (docs/performance.md, "Public answers from memory").
INSERT INTO "public_revision" ("id", "revision") VALUES (2, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE FUNCTION koda_seats_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "public_revision" SET "revision" = "revision" + 1 WHERE "id" = 2;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER registrations_seats_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "registrations"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_seats_revision();--> statement-breakpoint
DROP TRIGGER events_public_revision_rows ON "events";--> statement-breakpoint
DROP TRIGGER events_public_revision_update ON "events";--> statement-breakpoint
CREATE TRIGGER events_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER event_hosts_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_hosts"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER agenda_items_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agenda_items"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER municipalities_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER recordings_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recordings"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER chapters_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "chapters"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER caption_cues_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "caption_cues"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER outcomes_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "outcomes"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER action_plans_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_plans"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER action_items_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_items"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER action_item_sources_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_item_sources"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER action_item_updates_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_item_updates"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER registration_questions_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "registration_questions"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();
