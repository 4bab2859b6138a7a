// Browser tests: test/browser/**/*.test.ts in headless Chromium.
// Run through `npm test` or `npm run test:browser`, never `npx` (see toolchain.md).
//
// Datasets: test/fixtures/data (see its README for provenance), served from
// the repository root like every other file, e.g.
//   await fetch('/test/fixtures/data/chinchilla-svg-extracted.csv')
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChrome } from './scripts/chrome.mjs';
import { failuresOnlyReporter, summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';

const repo = dirname(fileURLToPath(import.meta.url));

export default {
  rootDir: repo,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // esbuild strips types only; tsc (npm run typecheck) checks them. Target es2022,
  // the same as the bundles, so tests run the syntax users get.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: resolve(repo, 'tsconfig.json') })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        // Root needs --no-sandbox; the rest stop Chromium reaching for a closed network or GPU.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          '--headless=new',
          // gc() and unrounded performance.memory: the long-session test measures the heap after a forced collection.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    }),
  ],
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
