/* global process, setInterval, URL */
/**
 * `npm start`: runs Koda as compiled JavaScript. The server (src/server.ts and everything it
 * imports, the packages too but for EXTERNAL) is bundled by esbuild into one script when any
 * source is newer than the bundle (a fresh checkout, an edit, a pull), then run: one command for
 * a newcomer, and no TypeScript compiler in the running process (faster start, less memory;
 * issue 22). With the packages in the bundle Node resolves and reads one file instead of
 * hundreds (drizzle-orm, zod and hono are many small modules each).
 *
 * The bundle is a CommonJS script run through `vm.Script` so that V8's code cache can be used
 * (Node 20 has no compile cache for modules): the first start after a build writes the bytecode
 * it compiled next to the bundle (`server.cjs.<size>-<time>.cache`, so a rebuilt bundle never
 * takes an old cache), and the next starts skip most of the compiling (docs/performance.md,
 * "Start and memory"). Dynamic imports inside it use Node's
 * own loader (PGlite, sharp, nodemailer, unpdf, file-type are loaded from node_modules as they are).
 *
 * The bundle sits three folders deep (dist/server/bundle/) like src/platform/db/migrate.ts, whose
 * path to the migrations (`../../../drizzle` from its own URL) then still names drizzle/.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext, Script } from 'node:vm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist/server/bundle/server.cjs');
const SOURCES = [
  'src',
  'views',
  'demo',
  'scripts/start.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** Heap growth since the last full collection after which an idle moment collects. */
const IDLE_COLLECTION_GROWTH = 16 * 1024 * 1024;
/** How often idleCollection looks. */
const IDLE_CHECK_MS = 500;
/** The event loop busy less than this share of the time since the last look counts as idle. */
const IDLE_UTILIZATION = 0.02;
/** The name the bundle's dynamic imports of EXTERNAL packages call (importsThroughRunner). */
const IMPORT_PARAMETER = '__kodaImport';

/**
 * Packages left to Node: PGlite and sharp find their WebAssembly, data and native files next to
 * their own code; esbuild is the builder; the rest are large, loaded only when used (S3, SMTP,
 * documents, the demo's PDFs) and imported as they are.
 */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'sharp',
  'esbuild',
  '@aws-sdk/*',
  'nodemailer',
  'unpdf',
  'pdf-lib',
  'file-type',
  'file-type/*',
];

const startupTrims = {
  name: 'koda-startup-trims',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
    build.onResolve({ filter: /^node:http2$/ }, (args) =>
      /[\\/]node_modules[\\/]@hono[\\/]node-server[\\/]/.test(args.importer)
        ? { path: 'http2', namespace: 'no-http2' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-http2' }, () => ({
      contents:
        'export class Http2ServerRequest {}\nexport const constants = { NGHTTP2_NO_ERROR: 0 };',
    }));
  },
};

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * V8 keeps a script's whole source text in memory, two bytes a character when one character is
 * past Latin-1. esbuild escapes non-ASCII characters in strings but leaves them in regular
 * expressions, comments and `String.raw` templates (the embeds' scripts, JavaScript too); as
 * `\\uXXXX` they mean the same there, and the bundle, ASCII only, is kept one byte a character
 * (2.8 MB less).
 */
function asciiOnly(text) {
  return text.replace(
    /[\u0080-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isExternal(specifier) {
  return (
    specifier.startsWith('node:') ||
    EXTERNAL.some((name) =>
      name.endsWith('/*') ? specifier.startsWith(name.slice(0, -1)) : specifier === name,
    )
  );
}

/**
 * The bundle's `import()` of packages left outside it, made through a function the runner passes
 * in (IMPORT_PARAMETER): a vm.Script's own dynamic imports need a loader callback, which Node 20
 * loses for functions taken from the code cache ("A dynamic import callback was not specified")
 * and calls experimental.
 */
function importsThroughRunner(text) {
  return text.replace(/\bimport\((["'])([^"'\n]+)\1\)/g, (call, _quote, specifier) =>
    isExternal(specifier) ? `${IMPORT_PARAMETER}(${JSON.stringify(specifier)})` : call,
  );
}

/** Bundles the server when a source changed since the last bundle; true when it did. */
export async function buildServer() {
  const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(...SOURCES.map((source) => newestChange(join(ROOT, source))));
  if (built > changed) return false;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    write: false,
    entryPoints: ['src/server.ts'],
    outfile: BUNDLE,
    bundle: true,
    external: EXTERNAL,
    plugins: [startupTrims],
    // A script, for vm.Script's code cache; `import.meta.url` (the migrations' path) is its file's.
    format: 'cjs',
    define: { 'import.meta.url': '__kodaBundleUrl' },
    banner: { js: "const __kodaBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    minifyWhitespace: true,
    logLevel: 'warning',
  });
  await esbuild.stop();
  // Written aside and renamed: another process starting at the same time never reads half a file.
  // The bundle last: a process that sees it finds its source map.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === BUNDLE) - Number(b.path === BUNDLE),
  );
  mkdirSync(dirname(BUNDLE), { recursive: true });
  for (const file of files) {
    const aside = `${file.path}.${process.pid}`;
    writeFileSync(
      aside,
      file.path === BUNDLE ? importsThroughRunner(asciiOnly(file.text)) : file.contents,
    );
    renameSync(aside, file.path);
  }
  // What earlier builds left: their code caches and the ES module bundle of before.
  for (const entry of readdirSync(dirname(BUNDLE))) {
    if (entry.endsWith('.cache') || entry.endsWith('.mjs') || entry.endsWith('.mjs.map')) {
      rmSync(join(dirname(BUNDLE), entry), { force: true });
    }
  }
  rmSync(join(dirname(BUNDLE), 'chunks'), { recursive: true, force: true });
  return true;
}

/** The code cache's file: named after the bundle's size and time, which every build changes. */
export function codeCachePath() {
  const { size, mtimeMs } = statSync(BUNDLE);
  return `${BUNDLE}.${size}-${Math.round(mtimeMs)}.cache`;
}

/**
 * Runs the bundle as Node runs a CommonJS module, with the code cache when there is one. Without
 * one (or when V8 refuses it: another Node version, other V8 flags) the bytecode compiled while
 * the bundle ran up to its first wait is written for the next start, at once: V8 refuses a cache
 * made under other flags, and a PGlite start sets `--liftoff-only` just after (src/platform/db/
 * open.ts). A cache that cannot be written (a read-only folder) changes nothing else.
 */
export function runServer() {
  const cachePath = codeCachePath();
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // None yet: written below.
  }
  // Node's CommonJS wrapper, with one more parameter: the dynamic import of EXTERNAL packages.
  const wrapped = `(function (exports, require, module, __filename, __dirname, ${IMPORT_PARAMETER}) {${readFileSync(BUNDLE, 'latin1')}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(
      module.exports,
      module.exports,
      createRequire(BUNDLE),
      module,
      BUNDLE,
      dirname(BUNDLE),
      (specifier) => import(specifier),
    );
  if (cached) return;
  try {
    const aside = `${cachePath}.${process.pid}`;
    writeFileSync(aside, script.createCachedData());
    renameSync(aside, cachePath);
  } catch {
    // Only a slower next start.
  }
}

/**
 * V8 collects its old generation when it reaches a limit set from the live size of the last
 * collection, and gives pages back only then; so one burst (the first 1 000-event feed built)
 * leaves about 20 MB of dead objects that an idle server keeps for good (measured: 52 MB of heap
 * in use, 31 MB after a collection, resident 10 MB less). Twice a second, when the heap grew by
 * IDLE_COLLECTION_GROWTH since the last collection and the event loop was idle since the last look,
 * a full collection runs, incrementally (`gc({ execution: 'async' })`): an idle server returns
 * what a burst left, a busy one is left to V8. Set before the bundle is compiled, so that its
 * code cache is made and read under the same V8 flags.
 */
function idleCollection() {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc');
  // From the first look on: the bundle loading before it is no burst.
  let base = Infinity;
  let utilization = performance.eventLoopUtilization();
  let collecting = false;
  setInterval(() => {
    const used = getHeapStatistics().used_heap_size;
    const since = performance.eventLoopUtilization(utilization);
    utilization = performance.eventLoopUtilization();
    base = Math.min(base, used);
    if (
      collecting ||
      used - base < IDLE_COLLECTION_GROWTH ||
      since.utilization > IDLE_UTILIZATION
    ) {
      return;
    }
    collecting = true;
    void collect({ type: 'major', execution: 'async' }).finally(() => {
      collecting = false;
      base = getHeapStatistics().used_heap_size;
    });
  }, IDLE_CHECK_MS).unref();
}

// `node scripts/start.mjs --build` only builds (the bench builds before timing a start).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  if (!process.argv.includes('--build')) {
    idleCollection();
    runServer();
  }
}
