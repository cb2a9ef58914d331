-- Custom SQL migration file, put your code below! ---- The public calendar's revision (src/calendar/freshness.ts): raised whenever an event is added
-- or removed, or its feed_revision moves. feed_revision is itself raised by the triggers of 0002
-- on every change a VEVENT shows (the event's columns, agenda, published recordings, hosts, host
-- names), so one number tells every process whether any feed may have changed, whoever wrote it.
INSERT INTO "public_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE FUNCTION koda_public_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "public_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER events_public_revision_rows AFTER INSERT OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE TRIGGER events_public_revision_update AFTER UPDATE ON "events"
  FOR EACH ROW WHEN (NEW.feed_revision IS DISTINCT FROM OLD.feed_revision)
  EXECUTE FUNCTION koda_public_revision();
