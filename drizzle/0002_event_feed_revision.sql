ALTER TABLE "events" ADD COLUMN "feed_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "feed_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- The calendar feeds' version of an event (src/calendar/feed.ts): raised by the database, so no
-- writer (the app, a CLI, a hand-written SQL fix) can change what a VEVENT shows without it.
UPDATE "events" e SET "feed_changed_at" = greatest(e."updated_at",
  (SELECT max(r."updated_at") FROM "recordings" r WHERE r."event_id" = e."id" AND r."published"));--> statement-breakpoint
CREATE FUNCTION koda_events_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.feed_changed_at := NEW.updated_at;
    RETURN NEW;
  END IF;
  IF (NEW.slug, NEW.kind, NEW.status, NEW.title, NEW.summary, NEW.starts_at, NEW.ends_at,
      NEW.timezone, NEW.venue_name, NEW.venue_address, NEW.venue_lat, NEW.venue_lon,
      NEW.online_url, NEW.cancel_reason, NEW.sequence, NEW.updated_at)
     IS DISTINCT FROM
     (OLD.slug, OLD.kind, OLD.status, OLD.title, OLD.summary, OLD.starts_at, OLD.ends_at,
      OLD.timezone, OLD.venue_name, OLD.venue_address, OLD.venue_lat, OLD.venue_lon,
      OLD.online_url, OLD.cancel_reason, OLD.sequence, OLD.updated_at) THEN
    NEW.feed_revision := NEW.feed_revision + 1;
  END IF;
  NEW.feed_changed_at := greatest(NEW.feed_changed_at, OLD.feed_changed_at, NEW.updated_at);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER events_feed_revision BEFORE INSERT OR UPDATE ON "events"
  FOR EACH ROW EXECUTE FUNCTION koda_events_feed_revision();--> statement-breakpoint
CREATE FUNCTION koda_agenda_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.event_id, NEW.position, NEW.starts_at, NEW.ends_at, NEW.title)
      IS NOT DISTINCT FROM (OLD.event_id, OLD.position, OLD.starts_at, OLD.ends_at, OLD.title) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE events SET feed_revision = feed_revision + 1 WHERE id = NEW.event_id;
  END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.event_id <> NEW.event_id) THEN
    UPDATE events SET feed_revision = feed_revision + 1 WHERE id = OLD.event_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_items_feed_revision AFTER INSERT OR UPDATE OR DELETE ON "agenda_items"
  FOR EACH ROW EXECUTE FUNCTION koda_agenda_feed_revision();--> statement-breakpoint
CREATE FUNCTION koda_recordings_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.event_id, NEW.position, NEW.published, NEW.title)
      IS NOT DISTINCT FROM (OLD.event_id, OLD.position, OLD.published, OLD.title) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.published THEN
    UPDATE events SET feed_revision = feed_revision + 1,
      feed_changed_at = greatest(feed_changed_at, NEW.updated_at)
      WHERE id = NEW.event_id;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.published
      AND (TG_OP = 'DELETE' OR OLD.event_id <> NEW.event_id OR NOT NEW.published) THEN
    UPDATE events SET feed_revision = feed_revision + 1,
      feed_changed_at = greatest(feed_changed_at,
        CASE WHEN TG_OP = 'DELETE' THEN OLD.updated_at ELSE NEW.updated_at END)
      WHERE id = OLD.event_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER recordings_feed_revision AFTER INSERT OR UPDATE OR DELETE ON "recordings"
  FOR EACH ROW EXECUTE FUNCTION koda_recordings_feed_revision();--> statement-breakpoint
CREATE FUNCTION koda_event_hosts_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE events SET feed_revision = feed_revision + 1 WHERE id = NEW.event_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE events SET feed_revision = feed_revision + 1 WHERE id = OLD.event_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER event_hosts_feed_revision AFTER INSERT OR UPDATE OR DELETE ON "event_hosts"
  FOR EACH ROW EXECUTE FUNCTION koda_event_hosts_feed_revision();--> statement-breakpoint
CREATE FUNCTION koda_municipalities_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.slug, NEW.name) IS DISTINCT FROM (OLD.slug, OLD.name) THEN
    UPDATE events SET feed_revision = feed_revision + 1
      WHERE id IN (SELECT event_id FROM event_hosts WHERE municipality_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER municipalities_feed_revision AFTER UPDATE ON "municipalities"
  FOR EACH ROW EXECUTE FUNCTION koda_municipalities_feed_revision();
