// Finds the Chromium the browser tests drive. Used by web-test-runner.config.mjs
// and .ci/run; `node scripts/chrome.mjs` prints the path (stdout: the path only).
//
// Why not let the test runner download a browser: this network is closed, so
// anything that fetches its own Chromium fails. Debian's package works, and on a
// fresh CI machine (root, apt-get present) we install it ourselves, once.
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

// One line, then exit: a person reading CI logs should see the fix, not a stack.
const fail = (line) => {
  console.error(`scaling-kit: ${line}`);
  process.exit(1);
};

/** The path of a Chromium executable; installs Debian's as root when none is found. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // An explicit choice that is wrong should fail loudly, not fall back silently.
    if (isExecutable(fromEnv)) return fromEnv;
    fail(`CHROME_PATH=${fromEnv} is not an executable file; fix it or unset it.`);
  }
  const found = CANDIDATES.find(isExecutable);
  if (found) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !isExecutable('/usr/bin/apt-get')) {
    fail('no Chromium found; install it (Debian: sudo apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium executable.');
  }
  // stderr, not stdout: callers may capture stdout as the path.
  console.error("scaling-kit: no Chromium found; installing Debian's chromium with apt-get (about 40 s)");
  // apt's progress goes nowhere (stdout ignored); its errors (stderr) stay visible.
  const opts = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execFileSync('apt-get', ['-q', 'update'], opts);
    execFileSync('apt-get', ['-q', 'install', '-y', 'chromium'], opts);
  } catch (error) {
    fail(`apt-get failed (${error.message.split('\n')[0]}); install chromium yourself or set CHROME_PATH.`);
  }
  if (!isExecutable('/usr/bin/chromium')) fail('apt-get finished but /usr/bin/chromium is missing; set CHROME_PATH.');
  return '/usr/bin/chromium';
}

// Run directly (not imported): print the path for shell scripts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(findChrome());
}
