// Finds the Firefox the browser tests drive (through puppeteer-core over WebDriver
// BiDi, see web-test-runner.config.mjs). Used by the config, scripts/run-tests.mjs
// and .ci/run; `node scripts/firefox.mjs` prints the path (stdout: the path only).
// FIREFOX_PATH, else a usual install path, else (as root on Debian) apt-get
// installs firefox-esr: see find-browser.mjs.
import { pathToFileURL } from 'node:url';
import { findBrowser } from './find-browser.mjs';

/** The path of a Firefox executable; installs Debian's firefox-esr as root when none is found. */
export function findFirefox() {
  return findBrowser({
    name: 'Firefox',
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    apt: 'firefox-esr',
    seconds: 40,
  });
}

// Run directly (not imported): print the path for shell scripts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(findFirefox());
}
