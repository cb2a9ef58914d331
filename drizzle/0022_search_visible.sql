-- Search (issue 19): each row says whether anyone may find it, so a search without a place or
-- a year filters on the row alone instead of reading every event's row (docs/search.md).
-- `visible` = the row's own `published`, and its event (or plan) is not a draft. A trigger on
-- this table computes it for every row written (whatever writes it), and the events' and plans'
-- status changes recompute their rows.
ALTER TABLE "search_documents" ADD COLUMN "visible" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The rows there are: one statement (before the trigger exists, which would ask per row). It
-- rewrites every row, the computed document too, which takes a while with many captions: no
-- statement timeout for it (SET LOCAL: this migration's transaction only).
SET LOCAL statement_timeout = 0;--> statement-breakpoint
UPDATE search_documents d SET visible = d.published AND CASE
    WHEN d.event_id IS NOT NULL THEN
      coalesce((SELECT e.status <> 'draft' FROM events e WHERE e.id = d.event_id), false)
    WHEN d.plan_id IS NOT NULL THEN
      coalesce((SELECT p.status <> 'draft' FROM action_plans p WHERE p.id = d.plan_id), false)
    ELSE false END;--> statement-breakpoint
CREATE FUNCTION koda_search_visible() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.visible := NEW.published AND CASE
    WHEN NEW.event_id IS NOT NULL THEN
      coalesce((SELECT e.status <> 'draft' FROM events e WHERE e.id = NEW.event_id), false)
    WHEN NEW.plan_id IS NOT NULL THEN
      coalesce((SELECT p.status <> 'draft' FROM action_plans p WHERE p.id = NEW.plan_id), false)
    ELSE false END;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER search_documents_visible BEFORE INSERT OR UPDATE ON "search_documents"
  FOR EACH ROW EXECUTE FUNCTION koda_search_visible();--> statement-breakpoint
CREATE FUNCTION koda_search_event_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_documents SET visible = visible WHERE event_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER events_search_visible AFTER UPDATE OF status ON "events"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION koda_search_event_status();--> statement-breakpoint
CREATE FUNCTION koda_search_plan_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_documents SET visible = visible WHERE plan_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER action_plans_search_visible AFTER UPDATE OF status ON "action_plans"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION koda_search_plan_status();--> statement-breakpoint
