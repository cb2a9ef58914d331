-- Each search row says which language its text is in (issue 19 leftover): a Russian recording's
-- title on the Estonian search page was read out as Estonian. `original_lang` is the language of
-- the title and of the body; `languages` marks where the body changes language: an outcome's
-- quote is in its captions' language, and the translations come after the original, one language
-- after another (they were field by field), so a snippet cut from them names its language
-- (src/search/queries.ts). An outcome's quote keeps its cue's language (`quote_lang`), and a
-- caption cue who speaks (`voices`, written back as WebVTT voice tags).
ALTER TABLE "outcomes" ADD COLUMN "quote_lang" text;--> statement-breakpoint
ALTER TABLE "caption_cues" ADD COLUMN "voices" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "original_lang" text;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "languages" jsonb;--> statement-breakpoint
-- koda_search_text joins texts in their languages with newlines, empty ones left out, then each
-- language's translations of `translations` (all their fields, in field order); `languages` is
-- null when all of it is in `original`.
CREATE FUNCTION koda_search_text(original text, langs text[], texts text[], translations jsonb[],
                                 OUT body text, OUT languages jsonb)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  i integer;
  previous text;
  lang text;
  words text;
BEGIN
  body := '';
  languages := '[]'::jsonb;
  FOR i IN 1 .. coalesce(array_length(texts, 1), 0) LOOP
    CONTINUE WHEN texts[i] IS NULL OR texts[i] = '';
    IF body <> '' THEN body := body || E'\n'; END IF;
    IF languages = '[]'::jsonb OR langs[i] IS DISTINCT FROM previous THEN
      languages := languages || jsonb_build_array(jsonb_build_array(langs[i], length(body)));
      previous := langs[i];
    END IF;
    body := body || texts[i];
  END LOOP;
  FOR lang, words IN
    SELECT l.key, string_agg(l.value, E'\n' ORDER BY n.at, f.key)
      FROM unnest(translations) WITH ORDINALITY AS n(t, at),
           jsonb_each(CASE WHEN jsonb_typeof(n.t) = 'object' THEN n.t ELSE '{}'::jsonb END) f,
           jsonb_each_text(CASE WHEN jsonb_typeof(f.value) = 'object' THEN f.value ELSE '{}'::jsonb END) l
     WHERE l.value <> ''
     GROUP BY l.key ORDER BY l.key
  LOOP
    IF body <> '' THEN body := body || E'\n'; END IF;
    IF languages = '[]'::jsonb OR lang IS DISTINCT FROM previous THEN
      languages := languages || jsonb_build_array(jsonb_build_array(lang, length(body)));
      previous := lang;
    END IF;
    body := body || words;
  END LOOP;
  IF languages = '[]'::jsonb
     OR (jsonb_array_length(languages) = 1 AND languages -> 0 ->> 0 IS NOT DISTINCT FROM original) THEN
    languages := NULL;
  END IF;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_event(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The agenda items' texts in their own language, after the event's; their translations with
  -- the event's.
  INSERT INTO search_documents (kind, source_id, event_id, original_lang, title, body, languages)
  SELECT 'event', e.id, e.id, e.original_lang, e.title, t.body, t.languages
    FROM events e
    LEFT JOIN LATERAL (
      SELECT array_agg(a.original_lang ORDER BY a.starts_at, a.position) AS langs,
             array_agg(concat_ws(' ', a.title, a.description, array_to_string(a.speakers, ' '), a.room)
                       ORDER BY a.starts_at, a.position) AS texts,
             array_agg(a.translations ORDER BY a.starts_at, a.position) AS translations
        FROM agenda_items a WHERE a.event_id = e.id) agenda ON true
    CROSS JOIN LATERAL koda_search_text(e.original_lang,
      ARRAY[e.original_lang, e.original_lang, e.original_lang, e.original_lang] || agenda.langs,
      ARRAY[e.summary, e.description, e.venue_name, e.venue_address] || agenda.texts,
      ARRAY[e.translations] || agenda.translations) t
   WHERE e.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET original_lang = EXCLUDED.original_lang,
    title = EXCLUDED.title, body = EXCLUDED.body, languages = EXCLUDED.languages;
END $$;--> statement-breakpoint
DROP TRIGGER events_search ON "events";--> statement-breakpoint
CREATE TRIGGER events_search AFTER INSERT OR UPDATE OF title, summary, description, venue_name, venue_address,
  original_lang, translations ON "events" FOR EACH ROW EXECUTE FUNCTION koda_search_events();--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_outcome(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, published, original_lang, title, body, languages)
  SELECT 'outcome', o.id, o.event_id, o.published, o.original_lang, o.title, t.body, t.languages
    FROM outcomes o
    CROSS JOIN LATERAL koda_search_text(o.original_lang,
      ARRAY[coalesce(o.quote_lang, o.original_lang), o.original_lang],
      ARRAY[CASE WHEN EXISTS (SELECT 1 FROM recordings r WHERE r.id = o.recording_id AND r.published)
                 THEN o.quote END, o.body],
      ARRAY[o.translations]) t
   WHERE o.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, original_lang = EXCLUDED.original_lang, title = EXCLUDED.title,
    body = EXCLUDED.body, languages = EXCLUDED.languages;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_recording(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, recording_id, published, language,
                                original_lang, title, body, languages)
  SELECT 'recording', r.id, r.event_id, r.id, r.published, r.language, r.original_lang, r.title,
         t.body, t.languages
    FROM recordings r
    CROSS JOIN LATERAL koda_search_text(r.original_lang, ARRAY[r.original_lang],
      ARRAY[(SELECT string_agg(ch.title, E'\n' ORDER BY ch.offset_seconds) FROM chapters ch
              WHERE ch.recording_id = r.id)],
      ARRAY[r.translations]) t
   WHERE r.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, language = EXCLUDED.language,
    original_lang = EXCLUDED.original_lang, title = EXCLUDED.title, body = EXCLUDED.body,
    languages = EXCLUDED.languages;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_cues_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- visible as koda_search_visible() computes it: a caption row always has an event.
  INSERT INTO search_documents (kind, source_id, event_id, recording_id, offset_seconds, published,
                                language, original_lang, body, visible)
  SELECT 'caption', n.id, r.event_id, r.id, n.start_ms / 1000, r.published, c.language, c.language,
         n.text, r.published AND e.status <> 'draft'
    FROM new_cues n JOIN captions c ON c.id = n.caption_id JOIN recordings r ON r.id = c.recording_id
    JOIN events e ON e.id = r.event_id;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A progress report is written in its item's language (it has none of its own).
CREATE FUNCTION koda_search_plan_item(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, plan_id, original_lang, title, body, languages)
  SELECT 'plan_item', i.id, i.plan_id, i.original_lang, i.title, t.body, t.languages
    FROM action_items i
    CROSS JOIN LATERAL koda_search_text(i.original_lang, ARRAY[i.original_lang, i.original_lang],
      ARRAY[i.description, i.responsible], ARRAY[i.translations]) t
   WHERE i.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET plan_id = EXCLUDED.plan_id,
    original_lang = EXCLUDED.original_lang, title = EXCLUDED.title, body = EXCLUDED.body,
    languages = EXCLUDED.languages;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_plan_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'plan_item' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  PERFORM koda_search_plan_item(NEW.id);
  IF TG_OP = 'UPDATE' AND NEW.original_lang IS DISTINCT FROM OLD.original_lang THEN
    UPDATE search_documents SET original_lang = NEW.original_lang
     WHERE kind = 'plan_update'
       AND source_id IN (SELECT u.id FROM action_item_updates u WHERE u.action_item_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION koda_search_plan_update(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, plan_id, occurred_on, original_lang, body)
  SELECT 'plan_update', u.id, i.plan_id, u.date, i.original_lang, u.note
    FROM action_item_updates u JOIN action_items i ON i.id = u.action_item_id
   WHERE u.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET plan_id = EXCLUDED.plan_id,
    occurred_on = EXCLUDED.occurred_on, original_lang = EXCLUDED.original_lang, body = EXCLUDED.body;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_plan_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'plan_update' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  PERFORM koda_search_plan_update(NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
-- A document's words are taken to be in the language of its title; the title's translations
-- follow them.
CREATE OR REPLACE FUNCTION koda_search_attachment(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents WHERE kind = 'document' AND source_id = target;
  INSERT INTO search_documents (kind, source_id, event_id, plan_id, published, original_lang, title,
                                body, languages, url)
  SELECT 'document', a.id, coalesce(a.event_id, o.event_id), coalesce(a.plan_id, i.plan_id),
         a.published AND coalesce(o.published, true), a.original_lang, a.title, t.body, t.languages,
         CASE WHEN a.storage_key IS NULL THEN a.external_url
              ELSE '/files/' || a.id || '/' || replace(replace(replace(replace(a.filename,
                   '%', '%25'), ' ', '%20'), '#', '%23'), '?', '%3F') END
  FROM attachments a
  LEFT JOIN outcomes o ON o.id = a.outcome_id
  LEFT JOIN action_items i ON i.id = a.plan_item_id
  CROSS JOIN LATERAL koda_search_text(a.original_lang, ARRAY[a.original_lang],
    ARRAY[a.extracted_text], ARRAY[a.translations]) t
  WHERE a.id = target;
END $$;--> statement-breakpoint
-- What is already there. A quote's language: its cue's captions (the cue with its words at its
-- second, else with its words), else the recording's spoken language, else the note's.
SET LOCAL statement_timeout = 0;--> statement-breakpoint
UPDATE outcomes o SET quote_lang = coalesce(
    (SELECT c.language FROM captions c JOIN caption_cues q ON q.caption_id = c.id
      WHERE c.recording_id = o.recording_id AND q.text = o.quote
      ORDER BY q.start_ms / 1000 = o.offset_seconds DESC, c.language LIMIT 1),
    (SELECT r.language FROM recordings r WHERE r.id = o.recording_id),
    o.original_lang)
  WHERE o.quote IS NOT NULL;--> statement-breakpoint
SELECT koda_search_event(id) FROM events;--> statement-breakpoint
SELECT koda_search_outcome(id) FROM outcomes;--> statement-breakpoint
SELECT koda_search_recording(id) FROM recordings;--> statement-breakpoint
SELECT koda_search_plan_item(id) FROM action_items;--> statement-breakpoint
SELECT koda_search_plan_update(id) FROM action_item_updates;--> statement-breakpoint
SELECT koda_search_attachment(id) FROM attachments;--> statement-breakpoint
-- Captions are most rows: one statement, without the row trigger that recomputes `visible`
-- (which this leaves as it is).
ALTER TABLE "search_documents" DISABLE TRIGGER search_documents_visible_update;--> statement-breakpoint
UPDATE search_documents SET original_lang = language WHERE kind = 'caption';--> statement-breakpoint
ALTER TABLE "search_documents" ENABLE TRIGGER search_documents_visible_update;
