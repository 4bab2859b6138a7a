// Browser tests: test/browser/**/*.test.ts in headless Chromium and headless Firefox
// (SCALING_KIT_BROWSERS=chromium or =firefox runs one; scripts/wtr-browsers.mjs).
// Run through `npm test` or `npm run test:browser`, never `npx` (see toolchain.md).
//
// Datasets: test/fixtures/data (see its README for provenance), served from
// the repository root like every other file, e.g.
//   await fetch('/test/fixtures/data/chinchilla-svg-extracted.csv')
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { browserSetup } from './scripts/wtr-browsers.mjs';
import { failuresOnlyReporter, summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';
import { blogSitesPlugin } from './scripts/build-blogs.mjs';

const repo = dirname(fileURLToPath(import.meta.url));

export default {
  rootDir: repo,
  // files, browsers, groups: every file in Chromium and Firefox, a few in Chromium only (scripts/wtr-browsers.mjs).
  ...browserSetup(),
  // One browser at a time: two at once on a 2-core machine slow both, and timing tests with them.
  concurrentBrowsers: 1,
  nodeResolve: true,
  // esbuild strips types only; tsc (npm run typecheck) checks them. Target es2022,
  // the same as the bundles, so tests run the syntax users get.
  // blogSitesPlugin: the server command with which test/browser/blogs.test.ts has the README's blog sites built.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: resolve(repo, 'tsconfig.json') }), blogSitesPlugin()],
  // Fits and WebAssembly compiles can take seconds on a slow CI core.
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 300000,
  // Quiet when tests pass: the default reporter's details (failing tests, their browser
  // logs and 404s) only for files that failed, no progress bar, then one summary line.
  reporters: [failuresOnlyReporter(), summaryLineReporter()],
  // Lit's one-time notice that it runs in development mode (tests import the sources, not
  // the production bundle) says nothing about a test; every other browser log is kept.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode.')),
};
