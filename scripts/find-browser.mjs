// Finds a browser the tests drive, for scripts/chrome.mjs and scripts/firefox.mjs (and a
// tool they need: scripts/hugo.mjs).
//
// Why not let a test tool download a browser: this network is closed, so anything
// that fetches its own browser fails. Debian's packages work, and on a fresh CI
// machine (root, apt-get present) we install the missing one ourselves, once.
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const isExecutable = (file) => {
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

/**
 * The path of a browser executable: `$env` when set (and executable), else the first
 * executable of `candidates`, else Debian's `apt` package installed as root (then
 * `candidates[0]`, which must be where that package puts it).
 * @param {{ name: string, env: string, candidates: string[], apt: string, seconds: number }} browser
 */
export function findBrowser({ name, env, candidates, apt, seconds }) {
  const fromEnv = process.env[env];
  if (fromEnv) {
    // An explicit choice that is wrong should fail loudly, not fall back silently.
    if (isExecutable(fromEnv)) return fromEnv;
    fail(`${env}=${fromEnv} is not an executable file; fix it or unset it.`);
  }
  const found = candidates.find(isExecutable);
  if (found) return found;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !isExecutable('/usr/bin/apt-get')) {
    fail(`no ${name} found; install it (Debian: sudo apt-get install -y ${apt}) or set ${env} to a ${name} executable.`);
  }
  // stderr, not stdout: callers may capture stdout as the path.
  console.error(`scaling-kit: no ${name} found; installing Debian's ${apt} with apt-get (about ${seconds} s)`);
  // apt's progress goes nowhere (stdout ignored); its errors (stderr) stay visible.
  const opts = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execFileSync('apt-get', ['-q', 'update'], opts);
    execFileSync('apt-get', ['-q', 'install', '-y', apt], opts);
  } catch (error) {
    fail(`apt-get failed (${error.message.split('\n')[0]}); install ${apt} yourself or set ${env}.`);
  }
  if (!isExecutable(candidates[0])) fail(`apt-get finished but ${candidates[0]} is missing; set ${env}.`);
  return candidates[0];
}
