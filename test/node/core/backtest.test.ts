// backtest(): fit on the small runs, predict the large ones. Chinchilla's
// largest runs predicted from the rest within a few percent; a noise-free law
// predicted exactly; the split, its ties, and every option and data error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { backtest, selectRuns } from '../../../src/core/backtest.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { readRuns, runsFromArrays } from '../../../src/core/runs.js';
import { generateRuns } from '../../../src/data/synthetic.js';

const csv = readFileSync(new URL('../../fixtures/data/chinchilla-svg-extracted.csv', import.meta.url), 'utf8');
const chinchilla = readRuns(csv, { dropHighest: 5 });

/** The CSV by plain splitting (no quoted fields in this file): N, C and loss per 1-based data row. */
const raw = csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')).map((f) => ({ N: Number(f[3]), C: Number(f[4]), loss: Number(f[6]) }));

test('Chinchilla: runs above 1e21 FLOPs predicted from the rest within a few percent', async () => {
  const r = await backtest(chinchilla, { holdoutAbove: 1e21 });
  // Epoch's rule drops the five largest losses; count the split from the raw file.
  const fifthLargest = raw.map((x) => x.loss).sort((a, b) => b - a)[4];
  const kept = raw.map((x, i) => ({ ...x, row: i + 1 })).filter((x) => x.loss < fifthLargest);
  const above = kept.filter((x) => x.C > 1e21);
  assert.equal(r.heldOut.N.length, above.length);
  assert.equal(r.training.N.length, kept.length - above.length);
  assert.equal(r.fit.runs, kept.length - above.length);
  assert.deepEqual(r.predictions.map((p) => p.row), above.map((x) => x.row));
  assert.ok(r.cutoff <= 1e21);

  // Predictions recomputed here from the fitted parameters and the raw columns (D = C/(6N)).
  assert.equal(r.fit.law.form, 'chinchilla');
  const { A, B, E, alpha, beta } = r.fit.params as { A: number; B: number; E: number; alpha: number; beta: number };
  let abs = 0, signed = 0, sq = 0, max = 0;
  r.predictions.forEach((p, i) => {
    const x = above[i];
    const expected = E + A / x.N ** alpha + B / (x.C / (6 * x.N)) ** beta;
    assert.ok(Math.abs(p.predicted - expected) <= 1e-12 * expected, `row ${p.row}: ${p.predicted} vs ${expected}`);
    assert.equal(p.loss, x.loss);
    const rel = (expected - x.loss) / x.loss;
    assert.ok(Math.abs(p.relativeError - rel) <= 1e-12);
    (abs += Math.abs(rel)), (signed += rel), (sq += Math.log(expected / x.loss) ** 2), (max = Math.max(max, Math.abs(rel)));
  });
  const n = above.length;
  const s = r.summary;
  assert.equal(s.runs, n);
  assert.ok(Math.abs(s.meanAbsRelativeError - abs / n) <= 1e-12);
  assert.ok(Math.abs(s.meanRelativeError - signed / n) <= 1e-12);
  assert.ok(Math.abs(s.rmseLogLoss - Math.sqrt(sq / n)) <= 1e-12);
  assert.equal(s.maxAbsRelativeError, max);
  // Sane: finite, a few percent at most.
  for (const v of Object.values(s)) assert.ok(Number.isFinite(v));
  assert.ok(s.meanAbsRelativeError < 0.03, `mean |error| ${s.meanAbsRelativeError}`);
  assert.ok(s.maxAbsRelativeError < 0.08, `max |error| ${s.maxAbsRelativeError}`);
});

const law = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
const clean = runsFromArrays(generateRuns({ law, sigma: 0 }));
const starts = [{ a: 5, b: 5, e: 0.5, alpha: 0.5, beta: 0.5 }, { a: 10, b: 10, e: 0, alpha: 1, beta: 1 }];

test('noise-free runs: the largest budget is predicted exactly', async () => {
  const r = await backtest(clean, { holdoutLargest: 9, fitOptions: { starts } });
  assert.deepEqual(Array.from(r.heldOut.C), new Array(9).fill(3e21));
  assert.deepEqual(Array.from(r.heldOut.rows), [73, 74, 75, 76, 77, 78, 79, 80, 81]);
  assert.equal(r.cutoff, 1e21);
  for (const p of r.predictions) {
    const truth = law.E + law.A / p.N ** law.alpha + law.B / p.D ** law.beta;
    assert.ok(Math.abs(p.loss / truth - 1) <= 1e-15);
    assert.ok(Math.abs(p.relativeError) <= 1e-8, `row ${p.row}: ${p.relativeError}`);
  }
  assert.ok(r.summary.rmseLogLoss <= 1e-8);
});

test('holdoutLargest breaks ties in C by holding out the later rows first', async () => {
  const r = await backtest(clean, { holdoutLargest: 4, fitOptions: { starts: starts.slice(0, 1) } });
  assert.deepEqual(Array.from(r.heldOut.rows), [78, 79, 80, 81]);
  assert.equal(r.training.N.length, 77);
  assert.equal(r.cutoff, 3e21);
});

test('selectRuns keeps data rows and every per-run array', () => {
  const s = selectRuns(chinchilla, [3, 0]);
  assert.deepEqual(Array.from(s.rows), [chinchilla.rows[3], chinchilla.rows[0]]);
  assert.deepEqual(Array.from(s.loss), [chinchilla.loss[3], chinchilla.loss[0]]);
  assert.deepEqual(Array.from(s.D), [chinchilla.D[3], chinchilla.D[0]]);
  assert.equal(s.columns, chinchilla.columns);
  assert.equal(s.derivedD, true);
});

test('bad options name the option; too few training runs is a data error', async () => {
  const cases: [object, string][] = [
    [{}, 'holdoutAbove'], [{ holdoutAbove: 1e21, holdoutLargest: 3 }, 'holdoutLargest'],
    [{ holdoutAbove: -1 }, 'holdoutAbove'], [{ holdoutAbove: Number.NaN }, 'holdoutAbove'], [{ holdoutAbove: 1e30 }, 'holdoutAbove'],
    [{ holdoutLargest: 0 }, 'holdoutLargest'], [{ holdoutLargest: 2.5 }, 'holdoutLargest'], [{ holdoutLargest: 81 }, 'holdoutLargest'],
    [{ holdoutLargest: 3, fitOptions: { dropHighest: 5 } }, 'fitOptions.dropHighest'],
    [{ holdoutLargest: 3, fitOptions: { form: 'kaplan2' } }, 'form'],
  ];
  for (const [options, option] of cases) {
    await assert.rejects(backtest(clean, options as never), (e: unknown) => e instanceof OptionError && e.option === option, JSON.stringify(options));
  }
  await assert.rejects(backtest(clean, { holdoutLargest: 77 }), (e: unknown) =>
    e instanceof DataError && e.code === 'too-few-runs' && /4 after holding out 77 of 81/.test(e.message));
  await assert.rejects(backtest(chinchilla, { holdoutAbove: 1e17 }), (e: unknown) => e instanceof DataError && e.code === 'too-few-runs');
});
