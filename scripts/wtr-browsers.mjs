// The browsers web-test-runner.config.mjs runs test/browser in: the machine's own
// Chromium and Firefox (scripts/chrome.mjs, scripts/firefox.mjs) driven by
// puppeteer-core, never a downloaded browser (the network is closed).
//
// SCALING_KIT_BROWSERS picks them: "chromium", "firefox", or both (the default,
// "chromium,firefox"). `npm test` runs one browser per runner, so each has its line.
import { chromeLauncher } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { findChrome } from './chrome.mjs';
import { findFirefox } from './firefox.mjs';

/**
 * Test files that run in Chromium only, as their own group.
 * long-session.test.ts: measures the JS heap after forced collections, with gc() and
 * performance.memory, which only Chromium gives a page (the flags below).
 */
export const CHROMIUM_ONLY = ['test/browser/long-session.test.ts'];

function chromium() {
  return chromeLauncher({
    // The launcher's own puppeteer-core, given explicitly only so the runner calls it "Chromium", not "Chrome".
    puppeteer: puppeteerCore,
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
  });
}

// Firefox as @web/test-runner-puppeteer drives it: the Chrome launcher given a puppeteer
// module and `browser: 'firefox'` (it then calls the browser "Firefox"), here
// puppeteer-core over WebDriver BiDi; headless, the launcher's default, adds --headless.
// Preferences stay Firefox's own, so the tests see what readers get; Firefox's remote
// agent already turns off updates, telemetry and other calls home.
function firefox() {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: { browser: 'firefox', protocol: 'webDriverBiDi', executablePath: findFirefox() },
  });
}

const LAUNCHERS = { chromium, firefox };

/** The config's `files`, `browsers` and `groups` for the browsers SCALING_KIT_BROWSERS names. */
export function browserSetup(names = process.env.SCALING_KIT_BROWSERS || 'chromium,firefox') {
  const wanted = names.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = wanted.filter((n) => !(n in LAUNCHERS));
  if (unknown.length || !wanted.length) throw new Error(`SCALING_KIT_BROWSERS="${names}": name chromium, firefox or both`);
  const browsers = wanted.map((n) => LAUNCHERS[n]());
  const inChromium = browsers[wanted.indexOf('chromium')];
  // A command line's --files replaces `files` but not `groups`: then run only the files it names.
  const cliFiles = process.argv.some((a) => a === '--files' || a.startsWith('--files='));
  return {
    files: ['test/browser/**/*.test.ts', ...CHROMIUM_ONLY.map((f) => `!${f}`)],
    browsers,
    groups: inChromium && !cliFiles ? [{ name: 'chromium-only', files: CHROMIUM_ONLY, browsers: [inChromium] }] : [],
  };
}
