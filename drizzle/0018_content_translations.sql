ALTER TABLE "agenda_items" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "action_plans" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- A translation is shown in the feeds (?lang=): changing one raises the event's feed revision
-- like changing the original does (drizzle/0002).
CREATE OR REPLACE FUNCTION koda_events_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.feed_changed_at := NEW.updated_at;
    RETURN NEW;
  END IF;
  IF (NEW.slug, NEW.kind, NEW.status, NEW.title, NEW.summary, NEW.starts_at, NEW.ends_at,
      NEW.timezone, NEW.venue_name, NEW.venue_address, NEW.venue_lat, NEW.venue_lon,
      NEW.online_url, NEW.cancel_reason, NEW.sequence, NEW.updated_at, NEW.original_lang,
      NEW.translations)
     IS DISTINCT FROM
     (OLD.slug, OLD.kind, OLD.status, OLD.title, OLD.summary, OLD.starts_at, OLD.ends_at,
      OLD.timezone, OLD.venue_name, OLD.venue_address, OLD.venue_lat, OLD.venue_lon,
      OLD.online_url, OLD.cancel_reason, OLD.sequence, OLD.updated_at, OLD.original_lang,
      OLD.translations) THEN
    NEW.feed_revision := NEW.feed_revision + 1;
  END IF;
  NEW.feed_changed_at := greatest(NEW.feed_changed_at, OLD.feed_changed_at, NEW.updated_at);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_agenda_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.event_id, NEW.position, NEW.starts_at, NEW.ends_at, NEW.title,
      NEW.original_lang, NEW.translations)
      IS NOT DISTINCT FROM (OLD.event_id, OLD.position, OLD.starts_at, OLD.ends_at, OLD.title,
      OLD.original_lang, OLD.translations) THEN
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
CREATE OR REPLACE FUNCTION koda_recordings_feed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.event_id, NEW.position, NEW.published, NEW.title,
      NEW.original_lang, NEW.translations)
      IS NOT DISTINCT FROM (OLD.event_id, OLD.position, OLD.published, OLD.title,
      OLD.original_lang, OLD.translations) THEN
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
END $$;
