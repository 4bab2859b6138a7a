// Finds the Chromium the browser tests drive. Used by web-test-runner.config.mjs
// and .ci/run; `node scripts/chrome.mjs` prints the path (stdout: the path only).
// CHROME_PATH, else a usual install path, else (as root on Debian) apt-get
// installs chromium: see find-browser.mjs.
import { pathToFileURL } from 'node:url';
import { findBrowser } from './find-browser.mjs';

/** The path of a Chromium executable; installs Debian's as root when none is found. */
export function findChrome() {
  return findBrowser({
    name: 'Chromium',
    env: 'CHROME_PATH',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
    apt: 'chromium',
    seconds: 40,
  });
}

// Run directly (not imported): print the path for shell scripts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(findChrome());
}
