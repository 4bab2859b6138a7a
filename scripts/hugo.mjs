// Finds the Hugo that builds the blog fixture sites of test/browser/blogs.test.ts
// (scripts/build-blogs.mjs runs it). `node scripts/hugo.mjs` prints the path (stdout:
// the path only). HUGO_PATH, else a usual install path, else (as root on Debian)
// apt-get installs Debian's hugo, the version the README's snippets are tested with:
// see find-browser.mjs, whose search and install this shares.
import { pathToFileURL } from 'node:url';
import { findBrowser } from './find-browser.mjs';

/** The path of a Hugo executable; installs Debian's hugo as root when none is found. */
export function findHugo() {
  return findBrowser({
    name: 'Hugo',
    env: 'HUGO_PATH',
    candidates: ['/usr/bin/hugo', '/usr/local/bin/hugo', '/snap/bin/hugo'],
    apt: 'hugo',
    seconds: 15,
  });
}

// Run directly (not imported): print the path for shell scripts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(findHugo());
}
