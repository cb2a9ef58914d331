/* global process, URL */
/**
 * `npm start`: runs Koda as compiled JavaScript. The server (src/server.ts and everything it
 * imports, the packages too but for EXTERNAL) is bundled by esbuild into one ES module when any
 * source is newer than the bundle (a fresh checkout, an edit, a pull), then imported: one command
 * for a newcomer, and no TypeScript compiler in the running process (faster start, less memory;
 * issue 22). With the packages in the bundle Node resolves and reads a few files instead of
 * hundreds (drizzle-orm, zod and hono are many small modules each): measured on the 2-core
 * machine under load, 0.49 s of CPU to the first answer instead of 0.74 s, and 97 MB resident
 * instead of 106 MB.
 *
 * The bundle sits three folders deep (dist/server/bundle/) like src/platform/db/migrate.ts, whose
 * path to the migrations (`../../../drizzle` from its own URL) then still names drizzle/.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist/server/bundle/server.mjs');
const SOURCES = [
  'src',
  'views',
  'demo',
  'scripts/start.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

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

/**
 * Two things the bundle leaves out because no request needs them, each parsed or loaded at every
 * start otherwise (issue 22, measured with `node --cpu-prof`):
 * - zod exports all ~45 of its locales' error messages as `z.locales` (366 kB of the bundle); Koda
 *   writes its own messages in its three languages and names no zod locale, so `z.locales` holds
 *   English only, which zod registers itself as its default;
 * - @hono/node-server imports node:http2 (about 20 ms of CPU to load) only to ask whether a request
 *   came over HTTP/2; Koda's server (src/server.ts) speaks HTTP/1.1, so the answer is always no.
 */
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
    outdir: dirname(BUNDLE),
    outExtension: { '.js': '.mjs' },
    // Dynamic imports become chunks loaded when reached: PGlite's code only when it is used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    external: EXTERNAL,
    plugins: [startupTrims],
    // CommonJS packages in an ES module: their require() of Node's own modules needs one.
    banner: {
      js: "import { createRequire as __kodaRequire } from 'node:module'; const require = __kodaRequire(import.meta.url);",
    },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    minifyWhitespace: true,
    logLevel: 'warning',
  });
  await esbuild.stop();
  // Written aside and renamed: another process starting at the same time never reads half a file.
  // The entry last: a process that sees it finds its chunks.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === BUNDLE) - Number(b.path === BUNDLE),
  );
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
  return true;
}

// `node scripts/start.mjs --build` only builds (the bench builds before timing a start).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  if (!process.argv.includes('--build')) await import(pathToFileURL(BUNDLE).href);
}
