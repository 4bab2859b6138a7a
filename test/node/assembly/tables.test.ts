// assembly/math/tables.ts (the constants and polynomial coefficients of the WebAssembly
// exp/log) is what scripts/make-tables.mjs computes: byte for byte, with the coefficients
// it keeps from the first run checked against its own minimax fits (see the script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_TOLERANCE, PIN_TOLERANCE, PINNED, TABLES_FILE, makeTables } from '../../../scripts/make-tables.mjs';

const made = makeTables();
const committed = readFileSync(fileURLToPath(new URL(`../../../${TABLES_FILE}`, import.meta.url)), 'utf8');

test('assembly/math/tables.ts is exactly what scripts/make-tables.mjs writes', () => {
  const want = made.text.split('\n');
  const have = committed.split('\n');
  const line = have.findIndex((l, i) => l !== want[i]);
  assert.equal(line === -1 && have.length === want.length, true,
    `line ${line + 1} differs (run node scripts/make-tables.mjs --check):\n  committed: ${have[line]}\n  generated: ${want[line]}`);
});

test('the recomputed exp and log polynomials are minimax: their error is level at every alternation point', () => {
  for (const fit of [made.exp, made.log]) {
    assert.ok(fit.minimaxSpread < 1e-40, `level only to ${fit.minimaxSpread}`);
    assert.ok(fit.iterations < 40);
  }
  assert.ok(made.exp.minimaxError > 3.63e-18 && made.exp.minimaxError < 3.64e-18, String(made.exp.minimaxError));
  assert.ok(made.log.minimaxError > 2.46e-18 && made.log.minimaxError < 2.47e-18, String(made.log.minimaxError));
});

test('coefficients not kept from the first run are the minimax ones; kept ones are within the stated tolerances', () => {
  for (const [name, fit] of [['exp', made.exp], ['log', made.log]] as const) {
    const pins = PINNED[name];
    for (const row of fit.rows) {
      assert.equal(row.pinned, row.k in pins, `${name} ${row.k}`);
      if (!row.pinned) assert.equal(row.kept, row.exact);
      assert.ok(Math.abs(row.deviation) <= PIN_TOLERANCE, `${name} ${row.k}: ${row.deviation}`);
    }
    assert.ok(fit.keptError <= fit.minimaxError * (1 + ERROR_TOLERANCE), `${name}: ${fit.keptError} against ${fit.minimaxError}`);
  }
  // The doubles actually in the file meet the bounds the file states.
  assert.ok(made.exp.roundedRelative < 9.95e-18, String(made.exp.roundedRelative));
  assert.ok(made.log.roundedRelative < 1.95e-18, String(made.log.roundedRelative));
});
