-- Search (issue 19): everything but captions in an index of its own. A search ranks every match of
-- these kinds (a few per event or plan) and only the newest caption matches (src/search/queries.ts),
-- so this index finds the former without reading the caption rows the full index also names.
CREATE INDEX "search_documents_other_document_idx" ON "search_documents" USING gin ("document") WHERE "search_documents"."kind" <> 'caption';
