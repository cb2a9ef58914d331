/**
 * Writes the OpenAPI document that /api/openapi.json serves to the file given (for
 * `npm run lint:openapi`, which lints it with Redocly CLI).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { apiDocument } from '@/api-routes';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/openapi-document.ts <file.json>');
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(apiDocument('https://koda.example'), null, 2)}\n`);
