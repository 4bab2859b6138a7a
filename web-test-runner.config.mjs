// Browser tests: test/browser/**/*.test.ts in headless Chromium.
// Run through `npm test` or `npm run test:browser`, never `npx` (see toolchain.md).
//
// Datasets: test/fixtures/data (see its README for provenance), served from
// the repository root like every other file, e.g.
//   await fetch('/test/fixtures/data/chinchilla-svg-extracted.csv')
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChrome } from './scripts/chrome.mjs';
import { summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';

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
  // Default reporter first (failure details), then our one-line summary, printed last.
  reporters: [defaultReporter(), summaryLineReporter()],
};
