-- Documents' titles in other languages join their search rows (issue 18): a document is found
-- by the words of its title in any language it has, like events, outcomes and plan items
-- (0019). The row's title stays the original; the translations go into its body.
CREATE OR REPLACE FUNCTION koda_search_attachment(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents WHERE kind = 'document' AND source_id = target;
  INSERT INTO search_documents (kind, source_id, event_id, plan_id, published, title, body, url)
  SELECT 'document', a.id, coalesce(a.event_id, o.event_id), coalesce(a.plan_id, i.plan_id),
         a.published AND coalesce(o.published, true), a.title,
         concat_ws(E'\n', koda_search_translations(a.translations), coalesce(a.extracted_text, '')),
         CASE WHEN a.storage_key IS NULL THEN a.external_url
              ELSE '/files/' || a.id || '/' || replace(replace(replace(replace(a.filename,
                   '%', '%25'), ' ', '%20'), '#', '%23'), '?', '%3F') END
  FROM attachments a
  LEFT JOIN outcomes o ON o.id = a.outcome_id
  LEFT JOIN action_items i ON i.id = a.plan_item_id
  WHERE a.id = target;
END $$;--> statement-breakpoint
SELECT koda_search_attachment(a.id) FROM attachments a WHERE a.translations <> '{}'::jsonb;
