-- The search finds content in every language it is written in (issue 19 with issue 18): the
-- translations of events, agenda items, outcomes, recordings and plan items join the body of
-- their search_documents rows (docs/search.md).
CREATE FUNCTION koda_search_translations(t jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(l.value, E'\n')
    FROM jsonb_each(CASE WHEN jsonb_typeof(t) = 'object' THEN t ELSE '{}'::jsonb END) f,
         jsonb_each_text(CASE WHEN jsonb_typeof(f.value) = 'object' THEN f.value ELSE '{}'::jsonb END) l
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_event(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, title, body)
  SELECT 'event', e.id, e.id, e.title,
    concat_ws(E'\n', e.summary, e.description, e.venue_name, e.venue_address,
      (SELECT string_agg(concat_ws(' ', a.title, a.description, array_to_string(a.speakers, ' '), a.room,
                                   koda_search_translations(a.translations)), E'\n'
                         ORDER BY a.starts_at, a.position)
         FROM agenda_items a WHERE a.event_id = e.id),
      koda_search_translations(e.translations))
  FROM events e WHERE e.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body;
END $$;--> statement-breakpoint
DROP TRIGGER events_search ON "events";--> statement-breakpoint
CREATE TRIGGER events_search AFTER INSERT OR UPDATE OF title, summary, description, venue_name, venue_address, translations
  ON "events" FOR EACH ROW EXECUTE FUNCTION koda_search_events();--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'outcome' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  INSERT INTO search_documents (kind, source_id, event_id, published, title, body)
  VALUES ('outcome', NEW.id, NEW.event_id, NEW.published, NEW.title,
          concat_ws(E'\n', NEW.quote, NEW.body, koda_search_translations(NEW.translations)))
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, title = EXCLUDED.title, body = EXCLUDED.body;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_recording(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, recording_id, published, language, title, body)
  SELECT 'recording', r.id, r.event_id, r.id, r.published, r.language, r.title,
    concat_ws(E'\n',
      (SELECT string_agg(ch.title, E'\n' ORDER BY ch.offset_seconds) FROM chapters ch WHERE ch.recording_id = r.id),
      koda_search_translations(r.translations))
  FROM recordings r WHERE r.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, language = EXCLUDED.language, title = EXCLUDED.title,
    body = EXCLUDED.body;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_plan_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'plan_item' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  INSERT INTO search_documents (kind, source_id, plan_id, title, body)
  VALUES ('plan_item', NEW.id, NEW.plan_id, NEW.title,
          concat_ws(E'\n', NEW.description, NEW.responsible, koda_search_translations(NEW.translations)))
  ON CONFLICT (kind, source_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, title = EXCLUDED.title,
    body = EXCLUDED.body;
  RETURN NULL;
END $$;--> statement-breakpoint
-- What is already there.
SELECT koda_search_event(id) FROM events;--> statement-breakpoint
SELECT koda_search_recording(id) FROM recordings;--> statement-breakpoint
UPDATE search_documents d SET body = concat_ws(E'\n', o.quote, o.body, koda_search_translations(o.translations))
  FROM outcomes o WHERE d.kind = 'outcome' AND d.source_id = o.id;--> statement-breakpoint
UPDATE search_documents d SET body = concat_ws(E'\n', i.description, i.responsible, koda_search_translations(i.translations))
  FROM action_items i WHERE d.kind = 'plan_item' AND d.source_id = i.id;
