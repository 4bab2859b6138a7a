// The sizes of what a page downloads, measured (gzip -9), not guessed: every .js in
// dist/, then the IIFE's parts (lit, d3, WebAssembly, our code) as rollup.config.mjs
// recorded them, then one line with the IIFE's size, minified and gzipped. `npm run
// build` prints this after bundling; `npm run bench` prints it again; `node
// scripts/build-sizes.mjs` alone too. Sizes are reported, not judged: the ceiling the
// bundle may not grow past is test/dist/artefacts.test.ts's.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const IIFE = 'dist/scaling-kit.min.js';
const PARTS_FILE = 'build/bundle-parts.json';

/**
 * Issue #16's budgets for the per-element files, gzip -9, in KB; its keys are also the elements
 * rollup.config.mjs writes a file for, in the README table's order. The task element has none in
 * the issue; it fits like <scaling-fit> and then chains a second law, so it is held to the fit's.
 * The report prints each file against its budget; test/dist/element-files.test.ts holds the
 * ceilings the files may not grow past.
 */
export const ELEMENT_BUDGETS_KB = { curve: 40, landscape: 40, isoflop: 40, calculator: 40, fit: 65, task: 65 };
/** Issue #16's budget for the all-in-one file, gzip -9, in KB. */
export const ALL_IN_ONE_BUDGET_KB = 105;
export const elementFile = (name) => `dist/elements/scaling-${name}.min.js`;

/** Each element file's size: [{ name, file, minified, gzip, budget }], or [] before a build. */
export function elementSizes(root = repo) {
  return Object.entries(ELEMENT_BUDGETS_KB)
    .filter(([name]) => existsSync(join(root, elementFile(name))))
    .map(([name, budget]) => {
      const bytes = readFileSync(join(root, elementFile(name)));
      return { name, file: elementFile(name), minified: bytes.length, gzip: gzip(bytes), budget };
    });
}

/** One line per element file: its sizes and how it stands against its budget. */
function elementLines(root) {
  const rows = elementSizes(root);
  if (rows.length === 0) return [];
  const lines = ['', 'one file per element (dist/elements/), each alone on a page:'];
  for (const r of rows) {
    const over = r.gzip / 1024 - r.budget;
    const verdict = over <= 0 ? `within its ${r.budget} KB budget` : `over its ${r.budget} KB budget by ${over.toFixed(1)} KB`;
    lines.push(`  ${`scaling-${r.name}.min.js`.padEnd(28)} ${kb(r.minified)}   gzip -9 ${kb(r.gzip)}   ${verdict}`);
  }
  return lines;
}
const PART_NAMES = { lit: 'lit', d3: 'd3', wasm: 'WebAssembly (3 builds)', ours: 'our code', other: 'other' };

const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Sizes of the IIFE and its parts: { total: { minified, gzip }, parts: { lit: {…}, … } }, or null before a build. */
export function bundleSizes(root = repo) {
  const file = join(root, IIFE);
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  const total = { minified: bytes.length, gzip: gzip(bytes) };
  const recorded = existsSync(join(root, PARTS_FILE)) ? JSON.parse(readFileSync(join(root, PARTS_FILE), 'utf8')) : null;
  return { total, parts: recorded?.parts ?? {} };
}

/** The report as lines of text. */
export function sizeReport(root = repo) {
  const lines = [];
  const dist = join(root, 'dist');
  const files = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.js')).sort() : []; // elements/ is listed below
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    lines.push(`${f.padEnd(22)} ${kb(bytes.length)}   gzip -9 ${kb(gzip(bytes))}`);
  }
  const esm = join(dist, 'esm');
  if (existsSync(esm)) {
    const modules = readdirSync(esm, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
    const bytes = modules.reduce((n, f) => n + readFileSync(join(esm, f)).length, 0);
    lines.push(`${'esm/ (modules)'.padEnd(22)} ${kb(bytes)}   ${modules.length} modules, unminified (a bundler minifies and tree-shakes them)`);
  }
  const sizes = bundleSizes(root);
  if (!sizes) return lines;
  const { total, parts } = sizes;
  lines.push('', `${IIFE} by part (each part minified and gzipped on its own):`);
  const order = ['lit', 'd3', 'wasm', 'ours', 'other'].filter((p) => parts[p]);
  const sum = order.reduce((n, p) => n + parts[p].gzip, 0);
  for (const p of order) {
    const share = Math.round((100 * parts[p].gzip) / sum);
    lines.push(`  ${PART_NAMES[p].padEnd(24)} ${kb(parts[p].minified)}   gzip -9 ${kb(parts[p].gzip)}   ${String(share).padStart(3)}%`);
  }
  lines.push(`  ${'whole bundle'.padEnd(24)} ${kb(total.minified)}   gzip -9 ${kb(total.gzip)}`);
  lines.push(`${IIFE}: ${(total.minified / 1024).toFixed(1)} KB, ${(total.gzip / 1024).toFixed(1)} KB gzipped`);
  const over = total.gzip / 1024 - ALL_IN_ONE_BUDGET_KB;
  lines.push(`  ${over <= 0 ? `within its ${ALL_IN_ONE_BUDGET_KB} KB budget` : `over its ${ALL_IN_ONE_BUDGET_KB} KB budget by ${over.toFixed(1)} KB`}`);
  return [...lines, ...elementLines(root)];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(sizeReport().join('\n'));
}
