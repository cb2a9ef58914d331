/**
 * The structure rules of docs/architecture.md, checked in CI (`npm run lint:deps`).
 *
 * Words used below:
 * - the platform: src/platform/** and views/shell/** (knows no feature);
 * - a feature f: src/<f>/** together with its views, views/<f>/**;
 * - a feature's front door: src/<f>/index.ts, the only file of f that others import;
 * - the composition root: the files directly in src/ (app.ts, api-routes.ts, messages.ts,
 *   the entries server.ts, worker.ts, cli.ts, and config.ts).
 */

/** Folders under src/ and views/ that are the platform, not a feature. */
const PLATFORM = '^(?:src/platform|views/shell)/';
/** The composition root that assembles features; the platform must never import it. */
const ROOT_ASSEMBLY = '^src/(?:app|api-routes|messages|server|worker|cli)\\.tsx?$';
/** Any feature's files, in src/ or in views/ (the first group is the feature's name). */
const FEATURE = '^(?:src|views)/(?!platform/|shell/)([^/]+)/';

export default {
  forbidden: [
    {
      name: 'platform-imports-no-feature',
      comment:
        'The platform (src/platform, views/shell) serves every feature and so may know none: ' +
        'move what it needs into the platform, or let the feature hand it in (as src/messages.ts ' +
        'hands in the catalogues).',
      severity: 'error',
      from: { path: PLATFORM },
      to: { path: [FEATURE, ROOT_ASSEMBLY] },
    },
    {
      name: 'feature-through-front-door',
      comment:
        "A feature reaches another only through that feature's src/<feature>/index.ts " +
        '(views/<feature> belong to their feature). Add to the index what others need.',
      severity: 'error',
      from: { path: FEATURE },
      to: {
        path: FEATURE,
        pathNot: ['^(?:src|views)/$1/', '^src/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'root-through-front-door',
      comment:
        'The app, the API mount, the entries and the CLI use a feature through its index.ts; ' +
        'src/messages.ts alone reads each feature’s messages.ts to assemble the catalogues.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.tsx?$', pathNot: '^src/messages\\.ts$' },
      to: { path: '^src/(?!platform/)[^/]+/', pathNot: '^src/[^/]+/index\\.tsx?$' },
    },
    {
      name: 'messages-only-catalogues',
      comment: 'src/messages.ts assembles catalogues: it reads messages.ts files and nothing else.',
      severity: 'error',
      from: { path: '^src/messages\\.ts$' },
      to: {
        path: '^src/(?!platform/)[^/]+/',
        pathNot: '^src/[^/]+/(?:messages|index)\\.ts$',
      },
    },
    {
      name: 'views-use-no-database',
      comment:
        'Views render what the routes hand them; they never query. Type-only imports (a row ' +
        'type) are allowed: they vanish at compile time and cannot run a query.',
      severity: 'error',
      from: { path: '^views/' },
      to: {
        path: ['^src/platform/db/', '^src/[^/]+/(?:queries|service|reads|writes)(?:\\.tsx?|/)'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-cycles-through-the-platform',
      comment:
        'A cycle through the platform ties it to whatever is on the loop; the platform must be ' +
        'the bottom layer. Type-only imports are left out: they do not exist at run time.',
      severity: 'error',
      from: { path: PLATFORM },
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing: a typo or a path alias the tool does not know.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:node_modules|dist|data)/' },
    // '@/x' and '@views/x' resolve through tsconfig.json's paths, as in tsc, vitest and tsx.
    tsConfig: { fileName: 'tsconfig.json' },
    // See `import type` too, so the rules above can tell type-only imports apart.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
