// What issue #16's size budgets would take, measured on the built files (run after `npm run
// build`; `npm run bench` runs it last): for the all-in-one file and each element's file, its
// size as built and its floor, the same code with every string literal and template text emptied
// (messages in both languages, CSS, markup, the WebAssembly byte strings). No amount of work on
// words gets a file below its floor; only less code does.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { ALL_IN_ONE_BUDGET_KB, IIFE, elementSizes } from './build-sizes.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;

/** `code` with the contents of every string literal and template chunk removed (quotes kept, so it still parses). */
export function withoutStrings(code) {
  const cuts = [];
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && typeof node.value === 'string') cuts.push([node.start + 1, node.end - 1]);
    else if (node.type === 'TemplateElement') cuts.push([node.start, node.end]);
    for (const key of Object.keys(node)) if (node[key] && typeof node[key] === 'object') walk(node[key]);
  })(parseAst(code));
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start < at) continue; // a string inside a template's ${…} already cut with it
    out += code.slice(at, start);
    at = end;
  }
  return out + code.slice(at);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const row = (label, bytes) => console.log(`  ${label.padEnd(44)} ${kb(bytes.length)}   gzip -9 ${kb(gz(bytes))}`);
  console.log('\nwhat the size budgets would take: each file as built, and its floor (every string emptied)');
  for (const [file, budget] of [[IIFE, ALL_IN_ONE_BUDGET_KB], ...elementSizes(repo).map((e) => [e.file, e.budget])]) {
    const code = readFileSync(join(repo, file), 'utf8').replace(/^\uFEFF/, '');
    console.log(`${file} (budget ${budget} KB)`);
    row('as built', Buffer.from(code));
    row('every string emptied (floor)', Buffer.from(withoutStrings(code)));
  }
}
