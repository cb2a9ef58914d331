-- Captions upload fast (issue 19 review): a three-hour file (2 700 cues) took 1.4 s of PGlite's
-- CPU, 20 000 cues over 9 s, with every other request waiting. Two costs per caption row:
--
-- 1. koda_search_fold: translate() looks each character up in its table from the start, and the
--    commonest ones (lower-case letters, digits, the space) were not in it, so each was compared
--    with all ~240 entries. They now come first, mapped to themselves: the same result, read about
--    five times faster (src/search/fold.ts holds the table; test/unit/search.test.ts compares).
-- 2. search_documents_visible, a row trigger running a query per row: caption rows are inserted
--    by one statement per upload (koda_search_cues_inserted), which now computes `visible` for all
--    of them in its join; the row trigger still computes it for every other insert and every
--    update (a recording published or hidden, an event's status changed).
CREATE OR REPLACE FUNCTION koda_search_fold(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN translate(input, E'abcdefghijklmnopqrstuvwxyz 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZõäöüšžáàâãåāăąéèêëēėęěíìîïīįóòôøōőúùûūůűųýÿçćčďđğłńňñřśşťţźżÕÄÖÜŠŽÁÀÂÃÅĀĂĄÉÈÊËĒĖĘĚÍÌÎÏĪĮÓÒÔØŌŐÚÙÛŪŮŰŲÝŸÇĆČĎĐĞŁŃŇÑŘŚŞŤŢŹŻАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё.,;:!?\'"()[]{}<>/\\|-_+=*&^%$#@~`«»„“”‘’‚—–…·•§° \t\r\n', E'abcdefghijklmnopqrstuvwxyz 0123456789abcdefghijklmnopqrstuvwxyzoaouszaaaaaaaaeeeeeeeeiiiiiioooooouuuuuuuyycccddglnnnrssttzzoaouszaaaaaaaaeeeeeeeeiiiiiioooooouuuuuuuyycccddglnnnrssttzzабвгдеежзийклмнопрстуфхцчшщъыьэюяе                                                   ');--> statement-breakpoint
DROP TRIGGER search_documents_visible ON "search_documents";--> statement-breakpoint
CREATE TRIGGER search_documents_visible BEFORE INSERT ON "search_documents"
  FOR EACH ROW WHEN (NEW.kind <> 'caption') EXECUTE FUNCTION koda_search_visible();--> statement-breakpoint
CREATE TRIGGER search_documents_visible_update BEFORE UPDATE ON "search_documents"
  FOR EACH ROW EXECUTE FUNCTION koda_search_visible();--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_cues_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- visible as koda_search_visible() computes it: a caption row always has an event.
  INSERT INTO search_documents (kind, source_id, event_id, recording_id, offset_seconds, published, language, body, visible)
  SELECT 'caption', n.id, r.event_id, r.id, n.start_ms / 1000, r.published, c.language, n.text,
         r.published AND e.status <> 'draft'
    FROM new_cues n JOIN captions c ON c.id = n.caption_id JOIN recordings r ON r.id = c.recording_id
    JOIN events e ON e.id = r.event_id;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A quoted cue's words are public while its recording is: the outcome's search row holds the
-- quote only then (the event page and API hide it likewise, src/outcomes/service.ts). A recording
-- published or hidden rewrites the rows of the notes quoting it; a recording deleted sets their
-- recording_id to null, an update of the note that rewrites its row.
CREATE FUNCTION koda_search_outcome(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, published, title, body)
  SELECT 'outcome', o.id, o.event_id, o.published, o.title,
         concat_ws(E'\n',
           CASE WHEN EXISTS (SELECT 1 FROM recordings r WHERE r.id = o.recording_id AND r.published)
                THEN o.quote END,
           o.body, koda_search_translations(o.translations))
    FROM outcomes o WHERE o.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, title = EXCLUDED.title, body = EXCLUDED.body;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'outcome' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  PERFORM koda_search_outcome(NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION koda_search_recordings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM koda_search_recording(NEW.id);
  IF TG_OP = 'UPDATE' AND (NEW.published, NEW.event_id) IS DISTINCT FROM (OLD.published, OLD.event_id) THEN
    UPDATE search_documents SET published = NEW.published, event_id = NEW.event_id
     WHERE kind = 'caption' AND recording_id = NEW.id;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.published IS DISTINCT FROM OLD.published THEN
    PERFORM koda_search_outcome(o.id) FROM outcomes o WHERE o.recording_id = NEW.id AND o.quote IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- What is already there.
SELECT koda_search_outcome(o.id) FROM outcomes o WHERE o.quote IS NOT NULL;
