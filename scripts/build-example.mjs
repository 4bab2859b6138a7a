// Writes dist/example/: demo/embed.html as index.html, its script pointing at the bundle
// beside it, and a copy of dist/scaling-kit.min.js. The folder is what a blogger copies:
// it opens from disk (file://) with no network, wherever it is put. Run by scripts/build.mjs
// after the bundle; test/dist/file-page.test.ts opens a copy of it offline.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = readFileSync(join(repo, 'demo', 'embed.html'), 'utf8');
const scripts = page.match(/<script\b[^>]*\bsrc="[^"]*"/g) ?? [];
if (scripts.length !== 1 || !scripts[0].includes('src="../dist/scaling-kit.min.js"')) {
  throw new Error('demo/embed.html must load exactly one script, ../dist/scaling-kit.min.js');
}
const out = join(repo, 'dist', 'example');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), page.replace('src="../dist/scaling-kit.min.js"', 'src="scaling-kit.min.js"').replace(/ data-file="[^"]*"/g, ''));
copyFileSync(join(repo, 'dist', 'scaling-kit.min.js'), join(out, 'scaling-kit.min.js'));
console.log('dist/example/: index.html and scaling-kit.min.js, ready to copy anywhere');
