// The import graph runs one way (docs/architecture.md): words and numbers at
// the bottom, the numerics (laws, core, engine, stats) knowing nothing of the
// page, and the page and the CLI reaching the engine only through its contract
// (src/engine/types.ts). Read from the sources' import statements, so a new
// arrow the wrong way fails here rather than in a review. The numerics are also
// type-checked without the DOM library (tsconfig.numerics.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Every relative import (static, dynamic, re-export) of each source file, as repository paths ending in .ts. */
export function importGraph(files = sources('src')): [string, string][] {
  const edges: [string, string][] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.[^']+)'/g)) {
      edges.push([file, normalize(join(dirname(file), m[1])).replace(/\.js$/, '.ts')]);
    }
  }
  return edges;
}

/** The layer of a source path: its folder under src/, or the file itself at the top. */
const layer = (path: string) => relative('src', path).split('/').length > 1 ? relative('src', path).split('/')[0] : relative('src', path);

/** An area's error words and raisers (src/i18n/error-words/<area>.ts): what the numerics raise errors with; not the index, which brings every language. */
const errorWords = (t: string) => t.startsWith('src/i18n/error-words/') && t !== 'src/i18n/error-words/index.ts';

const engineForCore = (t: string) =>
  ['src/engine/types.ts', 'src/engine/runner.ts', 'src/engine/batch.ts'].includes(t) || t.startsWith('src/engine/js/');

/** For each layer, the layers (or single files) it may import; a missing layer may import anything. */
const ALLOWED: Record<string, (target: string) => boolean> = {
  'format': (t) => layer(t) === 'format',
  'errors.ts': () => false,
  // The version keys the page's shared workers (pool.ts): a constant, importing nothing.
  'engine': (t) => layer(t) === 'engine' || t === 'src/errors.ts' || t === 'src/laws/names.ts' || t === 'src/next-task.ts' || t === 'src/version.ts' || errorWords(t),
  'stats': (t) => layer(t) === 'stats' || t === 'src/errors.ts' || errorWords(t),
  // Core says what to run, the engine how: of the engine, core reads its contract, the runner, batches and the twin's pure math.
  'core': (t) => ['core', 'laws', 'stats', 'format', 'errors.ts', 'next-task.ts'].includes(layer(t)) || engineForCore(t) || errorWords(t),
  'laws': (t) => ['core', 'laws', 'format', 'errors.ts'].includes(layer(t)) || engineForCore(t) || errorWords(t),
  // Of core, i18n reads only vocabulary: the diagnostic codes and the laws' parameter names.
  'i18n': (t) => ['i18n', 'format'].includes(layer(t)) || ['src/core/diagnostic-codes.ts', 'src/laws/index.ts', 'src/errors.ts'].includes(t),
  'chart': (t) => !['elements', 'cli', 'define.ts', 'bundle.ts'].includes(layer(t)) && (layer(t) !== 'engine' || t === 'src/engine/types.ts'),
  'elements': (t) => !['cli'].includes(layer(t)) && (layer(t) !== 'engine' || t === 'src/engine/types.ts'),
  'cli': (t) => !['elements', 'chart', 'define.ts', 'bundle.ts'].includes(layer(t)) && (layer(t) !== 'engine' || t === 'src/engine/types.ts'),
};

/** Imports that break the rules above, as "from → to". */
export function violations(edges: [string, string][]): string[] {
  // The word tables import only the raisers (src/errors.ts) and each other.
  const leaf = (from: string, to: string) => from.startsWith('src/i18n/error-words/') && !to.startsWith('src/i18n/error-words/') && to !== 'src/errors.ts';
  return edges.filter(([from, to]) => ALLOWED[layer(from)]?.(to) === false || leaf(from, to)).map(([from, to]) => `${from} → ${to}`);
}

test('no import runs the wrong way between layers', () => {
  assert.deepEqual(violations(importGraph()), []);
});

test('the check catches an arrow the wrong way (engine or stats into core, core into the page or into how work runs, the page into engine internals)', () => {
  assert.deepEqual(violations([
    ['src/engine/pool.ts', 'src/core/fit.ts'],
    ['src/stats/intervals.ts', 'src/core/errors.ts'],
    ['src/core/fit.ts', 'src/elements/fit/params.ts'],
    ['src/core/fit.ts', 'src/chart/ticks.ts'],
    ['src/elements/fit/jobs.ts', 'src/engine/pool.ts'],
    ['src/cli/fit-command.ts', 'src/engine/wasm.ts'],
    ['src/engine/pool.ts', 'src/engine/types.ts'],
    ['src/core/fit.ts', 'src/engine/pool.ts'],
    ['src/core/bootstrap-fit.ts', 'src/engine/worker-source.ts'],
    ['src/core/fit.ts', 'src/engine/runner.ts'],
    ['src/i18n/error-words/fit.ts', 'src/i18n/tables.ts'],
    ['src/errors.ts', 'src/i18n/error-words/read.ts'],
    ['src/core/fit.ts', 'src/i18n/error-words/index.ts'],
    ['src/core/fit.ts', 'src/i18n/errors.ts'],
  ]).length, 12);
});

test('every import resolves to a file that exists', () => {
  const known = new Set(sources('src'));
  const missing = importGraph().filter(([, to]) => to.startsWith('src/') && !known.has(to) && !to.endsWith('.wasm.ts'));
  assert.deepEqual(missing, []);
});

test('laws, core, engine and stats type-check without the DOM library', () => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  assert.doesNotThrow(() => execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.numerics.json')], { encoding: 'utf8', stdio: 'pipe' }));
});
