#!/usr/bin/env node
/* global process, console */
/**
 * Checks the Worker bundle that `npm run build:worker` wrote: nothing reachable from
 * src/worker.ts may pull in PGlite, the Node-only database files, Node's file system or
 * process modules, or SMTP. On a violation it prints the import chain from src/worker.ts
 * to the offending module and exits 1.
 *
 * Usage: node scripts/check-worker-bundle.mjs [dist/worker/bundle-meta.json]
 */
import { readFileSync } from 'node:fs';

const metaPath = process.argv[2] ?? 'dist/worker/bundle-meta.json';
const ENTRY = 'src/worker.ts';

/** Modules (bundled inputs or externals) a Worker must never reach, and why. */
const forbidden = [
  [/(^|\/)node_modules\/@electric-sql\/pglite\//, 'PGlite is the Node-only embedded database'],
  [/^@electric-sql\/pglite/, 'PGlite is the Node-only embedded database'],
  [
    /^src\/platform\/db\/(open|pglite|migrate|data-dir-lock)\.ts$/,
    'Node-only database code (src/server.ts, src/cli.ts)',
  ],
  [/^src\/(server|cli)\.ts$/, 'Node entry point'],
  [/^demo\//, 'the demo seed runs from Node (npm run cli -- seed:demo)'],
  [/(^|\/)node_modules\/(@hono\/node-server|nodemailer|smtp-server)\//, 'Node-only server or SMTP'],
  [
    /(^|\/)node_modules\/(sharp|@img)\/|^(sharp|@img\/.*)$|^src\/platform\/files\/sharp-resizer\.ts$/,
    'sharp (image previews) is a native Node module: a Worker gets no resizer and serves the original',
  ],
  [
    /^(node:)?(fs|fs\/promises|path|child_process|worker_threads|net|tls|http|https|os|cluster|dgram|readline)$/,
    'Node-only built-in module',
  ],
];

/**
 * Known, handled exceptions: [importer, module, why it is harmless on Workers]. Keep this short
 * and say in docs/deploy.md what each costs.
 */
const allowed = [
  [
    /(^|\/)node_modules\/@touch4it\/ical-timezones\/index\.js$/,
    /^(node-built-in-modules:)?node:(fs|path)$/,
    'reads VTIMEZONE files from disk; on Workers the read fails and src/calendar/feed.ts writes UTC times',
  ],
  [
    /^src\/platform\/http\/client-address\.ts$/,
    /(^|\/)node_modules\/@hono\/node-server\/dist\/conninfo\.mjs$/,
    'plain JS reading c.env.incoming.socket, called only when that exists (Node)',
  ],
  [
    /(^|\/)node_modules\/postcss\/lib\/[a-z-]+\.js$/,
    /^(node-built-in-modules:)?(node:)?(fs|path|url)$/,
    'postcss (under sanitize-html) reads source maps from disk only when asked; nodejs_compat provides the modules',
  ],
];

let meta;
try {
  meta = JSON.parse(readFileSync(metaPath, 'utf8'));
} catch (error) {
  console.error(`Cannot read ${metaPath} (${error.message}). Run npm run build:worker first.`);
  process.exit(1);
}

const inputs = meta.inputs ?? {};
if (!inputs[ENTRY]) {
  console.error(`${metaPath} does not contain ${ENTRY}: is it the Worker's bundle metadata?`);
  process.exit(1);
}

// Breadth-first from the entry, remembering who imported what, so we can print the chain.
const parent = new Map([[ENTRY, null]]);
const queue = [ENTRY];
const problems = [];
const chainTo = (module) => {
  const chain = [];
  for (let at = module; at !== null && at !== undefined; at = parent.get(at)) chain.unshift(at);
  return chain.join('\n    → ');
};
while (queue.length > 0) {
  const module = queue.shift();
  for (const edge of inputs[module]?.imports ?? []) {
    const target = edge.path;
    // An excused edge is not followed and does not count as a visit: another importer of
    // the same module is still checked.
    const excused = allowed.some(
      ([importer, pattern]) => importer.test(module) && pattern.test(target),
    );
    if (excused || parent.has(target)) continue;
    parent.set(target, module);
    const rule = forbidden.find(([pattern]) => pattern.test(target));
    if (rule) problems.push(`${target}: ${rule[1]}\n    ${chainTo(target)}`);
    if (!edge.external) queue.push(target);
  }
}

if (problems.length > 0) {
  console.error(`The Worker bundle reaches Node-only modules:\n\n${problems.join('\n\n')}`);
  process.exit(1);
}
const bytes = Object.values(meta.outputs ?? {}).reduce(
  (sum, output) => sum + (output.bytes ?? 0),
  0,
);
console.log(
  `Worker bundle OK: ${parent.size} modules reachable from ${ENTRY}, none Node-only` +
    (bytes ? ` (${Math.round(bytes / 1024)} KiB with source map)` : ''),
);
