-- Search (issue 19): koda_search_fold is src/search/fold.ts's table applied by translate(), so PGlite
-- and Postgres fold alike whatever their locale; search_documents.document is computed from it.
CREATE FUNCTION koda_search_fold(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN translate(input, E'ABCDEFGHIJKLMNOPQRSTUVWXYZõäöüšžáàâãåāăąéèêëēėęěíìîïīįóòôøōőúùûūůűųýÿçćčďđğłńňñřśşťţźżÕÄÖÜŠŽÁÀÂÃÅĀĂĄÉÈÊËĒĖĘĚÍÌÎÏĪĮÓÒÔØŌŐÚÙÛŪŮŰŲÝŸÇĆČĎĐĞŁŃŇÑŘŚŞŤŢŹŻАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё.,;:!?\'"()[]{}<>/\\|-_+=*&^%$#@~`«»„“”‘’‚—–…·•§° \t\r\n', E'abcdefghijklmnopqrstuvwxyzoaouszaaaaaaaaeeeeeeeeiiiiiioooooouuuuuuuyycccddglnnnrssttzzoaouszaaaaaaaaeeeeeeeeiiiiiioooooouuuuuuuyycccddglnnnrssttzzабвгдеежзийклмнопрстуфхцчшщъыьэюяе                                                   ');--> statement-breakpoint
CREATE TABLE "caption_cues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "caption_cues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"caption_id" integer NOT NULL,
	"start_ms" integer NOT NULL,
	"end_ms" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "caption_cues_times" CHECK ("caption_cues"."start_ms" >= 0 AND "caption_cues"."end_ms" > "caption_cues"."start_ms")
);
--> statement-breakpoint
CREATE TABLE "captions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "captions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recording_id" integer NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "captions_recording_language" UNIQUE("recording_id","language")
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"source_id" integer NOT NULL,
	"event_id" integer,
	"plan_id" integer,
	"recording_id" integer,
	"offset_seconds" integer,
	"published" boolean DEFAULT true NOT NULL,
	"language" text,
	"title" text,
	"body" text DEFAULT '' NOT NULL,
	"url" text,
	"occurred_on" date,
	"document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, koda_search_fold(coalesce(title, ''))), 'A') || setweight(to_tsvector('simple'::regconfig, koda_search_fold(body)), 'B')) STORED NOT NULL,
	CONSTRAINT "search_documents_source" UNIQUE("kind","source_id")
);
--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN "quote" text;--> statement-breakpoint
ALTER TABLE "caption_cues" ADD CONSTRAINT "caption_cues_caption_id_captions_id_fk" FOREIGN KEY ("caption_id") REFERENCES "public"."captions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captions" ADD CONSTRAINT "captions_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caption_cues_caption_idx" ON "caption_cues" USING btree ("caption_id","start_ms");--> statement-breakpoint
CREATE INDEX "search_documents_document_idx" ON "search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_documents_event_idx" ON "search_documents" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "search_documents_plan_idx" ON "search_documents" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "search_documents_recording_idx" ON "search_documents" USING btree ("recording_id");
--> statement-breakpoint
-- search_documents is kept by the database: every writer (the app, the CLI, a hand-written fix)
-- keeps it current. Visibility of an event or plan is checked when searching; a row carries only
-- its own `published` (an outcome's, a recording's and its captions').
CREATE FUNCTION koda_search_event(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, title, body)
  SELECT 'event', e.id, e.id, e.title,
    concat_ws(E'\n', e.summary, e.description, e.venue_name, e.venue_address,
      (SELECT string_agg(concat_ws(' ', a.title, a.description, array_to_string(a.speakers, ' '), a.room), E'\n'
                         ORDER BY a.starts_at, a.position)
         FROM agenda_items a WHERE a.event_id = e.id))
  FROM events e WHERE e.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body;
END $$;--> statement-breakpoint
CREATE FUNCTION koda_search_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM koda_search_event(NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER events_search AFTER INSERT OR UPDATE OF title, summary, description, venue_name, venue_address
  ON "events" FOR EACH ROW EXECUTE FUNCTION koda_search_events();--> statement-breakpoint
CREATE FUNCTION koda_search_agenda() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM koda_search_event(NEW.event_id); END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.event_id <> NEW.event_id) THEN
    PERFORM koda_search_event(OLD.event_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER agenda_items_search AFTER INSERT OR UPDATE OR DELETE ON "agenda_items"
  FOR EACH ROW EXECUTE FUNCTION koda_search_agenda();--> statement-breakpoint
CREATE FUNCTION koda_search_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'outcome' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  INSERT INTO search_documents (kind, source_id, event_id, published, title, body)
  VALUES ('outcome', NEW.id, NEW.event_id, NEW.published, NEW.title, concat_ws(E'\n', NEW.quote, NEW.body))
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, title = EXCLUDED.title, body = EXCLUDED.body;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER outcomes_search AFTER INSERT OR UPDATE OR DELETE ON "outcomes"
  FOR EACH ROW EXECUTE FUNCTION koda_search_outcomes();--> statement-breakpoint
CREATE FUNCTION koda_search_recording(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, recording_id, published, language, title, body)
  SELECT 'recording', r.id, r.event_id, r.id, r.published, r.language, r.title,
    coalesce((SELECT string_agg(ch.title, E'\n' ORDER BY ch.offset_seconds) FROM chapters ch
               WHERE ch.recording_id = r.id), '')
  FROM recordings r WHERE r.id = target
  ON CONFLICT (kind, source_id) DO UPDATE SET event_id = EXCLUDED.event_id,
    published = EXCLUDED.published, language = EXCLUDED.language, title = EXCLUDED.title,
    body = EXCLUDED.body;
END $$;--> statement-breakpoint
CREATE FUNCTION koda_search_recordings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM koda_search_recording(NEW.id);
  IF TG_OP = 'UPDATE' AND (NEW.published, NEW.event_id) IS DISTINCT FROM (OLD.published, OLD.event_id) THEN
    UPDATE search_documents SET published = NEW.published, event_id = NEW.event_id
     WHERE kind = 'caption' AND recording_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER recordings_search AFTER INSERT OR UPDATE ON "recordings"
  FOR EACH ROW EXECUTE FUNCTION koda_search_recordings();--> statement-breakpoint
CREATE FUNCTION koda_search_chapters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM koda_search_recording(NEW.recording_id); END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.recording_id <> NEW.recording_id) THEN
    PERFORM koda_search_recording(OLD.recording_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER chapters_search AFTER INSERT OR UPDATE OR DELETE ON "chapters"
  FOR EACH ROW EXECUTE FUNCTION koda_search_chapters();--> statement-breakpoint
CREATE FUNCTION koda_search_cues_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_documents (kind, source_id, event_id, recording_id, offset_seconds, published, language, body)
  SELECT 'caption', n.id, r.event_id, r.id, n.start_ms / 1000, r.published, c.language, n.text
    FROM new_cues n JOIN captions c ON c.id = n.caption_id JOIN recordings r ON r.id = c.recording_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER caption_cues_search_insert AFTER INSERT ON "caption_cues"
  REFERENCING NEW TABLE AS new_cues FOR EACH STATEMENT EXECUTE FUNCTION koda_search_cues_inserted();--> statement-breakpoint
CREATE FUNCTION koda_search_cues_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents d USING old_cues o WHERE d.kind = 'caption' AND d.source_id = o.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER caption_cues_search_delete AFTER DELETE ON "caption_cues"
  REFERENCING OLD TABLE AS old_cues FOR EACH STATEMENT EXECUTE FUNCTION koda_search_cues_deleted();--> statement-breakpoint
CREATE TRIGGER captions_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "captions"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();--> statement-breakpoint
CREATE FUNCTION koda_search_plan_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'plan_item' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  INSERT INTO search_documents (kind, source_id, plan_id, title, body)
  VALUES ('plan_item', NEW.id, NEW.plan_id, NEW.title, concat_ws(E'\n', NEW.description, NEW.responsible))
  ON CONFLICT (kind, source_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, title = EXCLUDED.title,
    body = EXCLUDED.body;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER action_items_search AFTER INSERT OR UPDATE OR DELETE ON "action_items"
  FOR EACH ROW EXECUTE FUNCTION koda_search_plan_items();--> statement-breakpoint
CREATE FUNCTION koda_search_plan_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'plan_update' AND source_id = OLD.id;
    RETURN NULL;
  END IF;
  INSERT INTO search_documents (kind, source_id, plan_id, occurred_on, body)
  SELECT 'plan_update', NEW.id, i.plan_id, NEW.date, NEW.note FROM action_items i WHERE i.id = NEW.action_item_id
  ON CONFLICT (kind, source_id) DO UPDATE SET plan_id = EXCLUDED.plan_id,
    occurred_on = EXCLUDED.occurred_on, body = EXCLUDED.body;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER action_item_updates_search AFTER INSERT OR UPDATE OR DELETE ON "action_item_updates"
  FOR EACH ROW EXECUTE FUNCTION koda_search_plan_updates();--> statement-breakpoint
-- What is already there.
SELECT koda_search_event(id) FROM events;--> statement-breakpoint
SELECT koda_search_recording(id) FROM recordings;--> statement-breakpoint
INSERT INTO search_documents (kind, source_id, event_id, published, title, body)
  SELECT 'outcome', o.id, o.event_id, o.published, o.title, o.body FROM outcomes o;--> statement-breakpoint
INSERT INTO search_documents (kind, source_id, plan_id, title, body)
  SELECT 'plan_item', i.id, i.plan_id, i.title, concat_ws(E'\n', i.description, i.responsible) FROM action_items i;--> statement-breakpoint
INSERT INTO search_documents (kind, source_id, plan_id, occurred_on, body)
  SELECT 'plan_update', u.id, i.plan_id, u.date, u.note FROM action_item_updates u JOIN action_items i ON i.id = u.action_item_id;
