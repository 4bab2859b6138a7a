// Browser tests: test/browser/**/*.test.ts in headless Chromium.
// Run through `npm test` or `npm run test:browser`, never `npx` (see toolchain.md).
//
// Shared data: the datasets live outside the repo, in <repo>/../shared/data
// (/work/shared/data here; in CI `shared/` is a sibling of the clone). Tests
// fetch them at the URL prefix /shared-data/, e.g.
//   await fetch('/shared-data/chinchilla-svg-extracted.csv')
// A small middleware maps that prefix; rootDir stays the repo so test and
// source URLs look the same as in the repo.
import { readFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findChrome } from './scripts/chrome.mjs';
import { summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';

const repo = dirname(fileURLToPath(import.meta.url));
const sharedData = resolve(repo, '..', 'shared', 'data');
const PREFIX = '/shared-data/';

/** Serves <repo>/../shared/data/* at /shared-data/*, refusing paths that climb out. */
async function sharedDataMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const file = resolve(sharedData, decodeURIComponent(ctx.path.slice(PREFIX.length)));
  if (relative(sharedData, file).startsWith('..') || !file.startsWith(sharedData + sep)) {
    ctx.status = 403;
    return;
  }
  try {
    ctx.body = await readFile(file);
    ctx.type = extname(file) || 'application/octet-stream';
  } catch {
    ctx.status = 404;
  }
}

export default {
  rootDir: repo,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  middleware: [sharedDataMiddleware],
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
