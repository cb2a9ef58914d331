-- Documents in the one search (docs/search.md): a row of kind 'document' per attachment, its
-- words the text extracted from the file (src/documents/extract.ts). An outcome's document is
-- visible while the note is; a plan item's belongs to its plan. Files link to their download.
CREATE FUNCTION koda_search_attachment(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents WHERE kind = 'document' AND source_id = target;
  INSERT INTO search_documents (kind, source_id, event_id, plan_id, published, title, body, url)
  SELECT 'document', a.id, coalesce(a.event_id, o.event_id), coalesce(a.plan_id, i.plan_id),
         a.published AND coalesce(o.published, true), a.title, coalesce(a.extracted_text, ''),
         CASE WHEN a.storage_key IS NULL THEN a.external_url
              ELSE '/files/' || a.id || '/' || replace(replace(replace(replace(a.filename,
                   '%', '%25'), ' ', '%20'), '#', '%23'), '?', '%3F') END
  FROM attachments a
  LEFT JOIN outcomes o ON o.id = a.outcome_id
  LEFT JOIN action_items i ON i.id = a.plan_item_id
  WHERE a.id = target;
END $$;--> statement-breakpoint
CREATE FUNCTION koda_search_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE kind = 'document' AND source_id = OLD.id;
  ELSE
    PERFORM koda_search_attachment(NEW.id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attachments_search AFTER INSERT OR UPDATE OR DELETE ON "attachments"
  FOR EACH ROW EXECUTE FUNCTION koda_search_attachments();--> statement-breakpoint
-- Publishing or hiding an outcome note publishes or hides its documents in the search too.
CREATE FUNCTION koda_search_outcome_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM koda_search_attachment(a.id) FROM attachments a WHERE a.outcome_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER outcomes_search_attachments AFTER UPDATE OF published ON "outcomes"
  FOR EACH ROW EXECUTE FUNCTION koda_search_outcome_attachments();
