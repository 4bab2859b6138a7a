// What issue #5's 60 KB budget would take, measured on the built IIFE (run after `npm run build`;
// `npm run bench` runs it last). Two figures a product decision needs:
//   1. the floor: the IIFE with every string literal and template text emptied (messages in both
//      languages, CSS, markup, the WebAssembly byte strings). No amount of string work gets below it;
//   2. each element on its own: one <scaling-*> tag and what it imports, as a per-element file would be.
// Per-element files are bundled and minified by esbuild (terser makes the real IIFE; the two differ
// by about 1%).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { build } from 'esbuild';
import { IIFE, IIFE_BUDGET_KB } from './build-sizes.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELEMENTS = ['curve', 'fit', 'isoflop', 'landscape', 'calculator', 'task'];
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

/** One element's tag and everything it imports, as its own minified IIFE. */
async function elementAlone(name) {
  const result = await build({
    stdin: { contents: `import './src/elements/${name}/${name}.ts';`, resolveDir: repo, loader: 'ts' },
    bundle: true, minify: true, format: 'iife', write: false, target: 'es2022', charset: 'utf8',
    conditions: ['production'], logLevel: 'error',
    ignoreAnnotations: true, // package.json's sideEffects names dist/ paths, not these sources
  });
  return result.outputFiles[0].contents;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = readFileSync(join(repo, IIFE), 'utf8').replace(/^\uFEFF/, '');
  const floor = withoutStrings(code);
  const row = (label, bytes) => console.log(`  ${label.padEnd(44)} ${kb(bytes.length)}   gzip -9 ${kb(gz(bytes))}`);
  console.log(`\nwhat the ${IIFE_BUDGET_KB} KB budget would take:`);
  row(`${IIFE} as built`, Buffer.from(code));
  row('the same with every string emptied (floor)', Buffer.from(floor));
  for (const name of ELEMENTS) row(`<scaling-${name}> alone (esbuild)`, await elementAlone(name));
}
