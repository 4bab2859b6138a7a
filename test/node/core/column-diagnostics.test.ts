// A quantity recognised by name among several candidates is reported
// (src/core/column-diagnostics.ts): Gadre et al.'s file has eleven loss
// columns and two parameter counts; naming the columns silences it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readRuns } from '../../../src/core/runs.js';
import { columnDiagnostics } from '../../../src/core/column-diagnostics.js';
import { describeDiagnostic } from '../../../src/i18n/diagnostics.js';

const gadre = readFileSync(new URL('../../fixtures/data/gadre2024-overtraining-models.csv', import.meta.url), 'utf8');

test('Gadre et al.: N and loss were chosen among candidates, and the warning names both sides', () => {
  const runs = readRuns(gadre);
  assert.equal(runs.columns.loss, 'loss_openlm');
  const list = columnDiagnostics(runs);
  assert.deepEqual(list.map((d) => [d.code, d.severity, 'quantity' in d && d.quantity]), [['column-choice', 'warning', 'N'], ['column-choice', 'warning', 'loss']]);
  const loss = list[1] as Extract<(typeof list)[number], { code: 'column-choice' }>;
  assert.equal(loss.column, 'loss_openlm');
  assert.ok(loss.alternatives.includes('loss_c4_val'), loss.alternatives.join());
  assert.ok(!loss.alternatives.some((a) => /lo95|hi95/.test(a)), 'bounds are never candidates');
  assert.match(describeDiagnostic(loss, 'en'), /^Column "loss_openlm" was taken as loss because of its name, but "loss_c4_val", /);
  assert.match(describeDiagnostic(loss, 'zh'), /按列名把 "loss_openlm" 当作 loss/);
});

test('naming the quantity (columns option) leaves nothing to report for it', () => {
  const runs = readRuns(gadre, { columns: { loss: 'loss_c4_val' } });
  assert.equal(runs.columns.loss, 'loss_c4_val');
  assert.deepEqual(columnDiagnostics(runs).map((d) => 'quantity' in d && d.quantity), ['N']);
  assert.deepEqual(columnDiagnostics(readRuns(gadre, { columns: { N: 'N', loss: 'loss_c4_val' } })), []);
});

test('one candidate per quantity: no diagnostic', () => {
  assert.deepEqual(columnDiagnostics(readRuns('N,D,loss\n1e8,2e9,3\n')), []);
});
