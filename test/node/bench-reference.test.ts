// The bench's plain C reference (bench/reference/chinchilla-grid.c) solves the
// kit's problem: its objective and gradient agree with the TypeScript engine's
// on the 240 Chinchilla runs, and a short grid ends at the exact fit's optimum.
// Needs gcc (Debian's build-essential), as the bench does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchData, compileReference, exactStarts, referenceInput, runReference } from '../../bench/reference.js';
import { objective } from '../../src/engine/js/objective.js';
import { fitSync } from '../../src/core/fit.js';
import { defaultSpec } from '../../src/engine/types.js';
import { CHINCHILLA_FILE, DROP_HIGHEST, OBJECTIVE_CASES, OPTIMUM, RUNS_AFTER_DROP } from '../fixtures/chinchilla-reference.js';

const csv = readFileSync(new URL(`../fixtures/data/${CHINCHILLA_FILE}`, import.meta.url), 'utf8');
const data = benchData(csv);
const starts = exactStarts(data);
const SHORT = 50;
/** Every 90th row of the exact fit's starts: rows 0, 90, …, 4410 of Hoffmann's grid. */
const short = Float64Array.from(Array.from({ length: SHORT }, (_, k) => Array.from(starts.subarray(5 * 90 * k, 5 * 90 * k + 5))).flat());
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

let dir = '', binary = '', gridFile = '', shortFile = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'scaling-kit-reference-test-'));
  const built = compileReference(dir);
  if (typeof built !== 'string') throw new Error(`the bench's C reference could not be built (${built.skipped}): this test needs gcc`);
  binary = built;
  gridFile = join(dir, 'grid.f64');
  shortFile = join(dir, 'short.f64');
  writeFileSync(gridFile, referenceInput(data, starts));
  writeFileSync(shortFile, referenceInput(data, short));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the reference reads the bench runs and the exact fit\'s starts', () => {
  assert.equal(data.count, RUNS_AFTER_DROP);
  assert.ok(data.weight.every((w) => w === 1)); // the fixture has no weights column
  assert.equal(starts.length, 5 * 4502); // Hoffmann's 4,500 rows and 2 negative-exponent starts
});

test('objective and gradient agree with src/engine/js/objective.ts to 1e-12 relative', () => {
  const worst = { f: 0, grad: 0 };
  for (const { theta } of OBJECTIVE_CASES) {
    const grad = new Float64Array(5);
    const f = objective(data, defaultSpec(), Float64Array.from(theta), grad);
    const c = runReference(binary, gridFile, ['--eval', ...theta.map(String)]);
    worst.f = Math.max(worst.f, rel(c.f, f));
    for (let i = 0; i < 5; i++) {
      const r = grad[i] === 0 ? Math.abs(c.grad[i]) : rel(c.grad[i], grad[i]);
      worst.grad = Math.max(worst.grad, r);
      assert.ok(r <= 1e-12, `θ = ${theta}: ∂f/∂θ${i} C ${c.grad[i]}, TypeScript ${grad[i]}`);
    }
    assert.ok(rel(c.f, f) <= 1e-12, `θ = ${theta}: f C ${c.f}, TypeScript ${f}`);
  }
  console.log(`    C against TypeScript: f to ${worst.f.toExponential(1)}, ∇f to ${worst.grad.toExponential(1)} relative (worst of 3 θ)`);
});

test(`a ${SHORT}-start grid ends at the exact fit's objective to 1e-9`, () => {
  const c = runReference(binary, shortFile);
  const names = ['a', 'b', 'e', 'alpha', 'beta'];
  const own = fitSync(csv, { dropHighest: DROP_HIGHEST, strategy: 'exact', engine: 'js', starts: Array.from({ length: SHORT }, (_, k) => Object.fromEntries(names.map((n, i) => [n, short[5 * k + i]]))) });
  assert.equal(c.starts, SHORT);
  assert.ok(c.evaluations > SHORT);
  assert.ok(rel(c.objective, own.objective) <= 1e-9, `C ${c.objective}, exact fit ${own.objective}`);
  assert.ok(rel(c.objective, OPTIMUM.objective) <= 1e-9, `C ${c.objective}, reference optimum ${OPTIMUM.objective}`);
  console.log(`    ${SHORT} starts: C ${c.objective} (${c.evaluations} evaluations), exact fit ${own.objective}, relative ${rel(c.objective, own.objective).toExponential(1)}`);
});
