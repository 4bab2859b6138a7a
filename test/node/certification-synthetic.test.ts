// Regression: synthetic Chinchilla runs (test/fixtures/certification-synthetic.json,
// with a note of how they were made) on which the fast strategy used to say `certified: true`
// while the exact strategy found a lower objective: negative-exponent basins, flat valleys
// where starts stop apart by less than 1e-6, and too few runs for the law. Fast must reach
// exact to 1e-9 relative or say `certified: false` with a `not-certified` diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fit } from '../../src/core/fit.js';
import { runsFromArrays } from '../../src/core/runs.js';

interface SyntheticCase { name: string; why: string; N: number[]; D: number[]; loss: number[]; exactObjective: number }
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/certification-synthetic.json', import.meta.url), 'utf8')) as { cases: SyntheticCase[] };

for (const c of cases) {
  test(`synthetic ${c.name} (${c.why}): fast reaches exact or is not certified`, async () => {
    const runs = runsFromArrays({ N: c.N, D: c.D, loss: c.loss });
    const fast = await fit(runs);
    const exact = await fit(runs, { strategy: 'exact' });
    // The exact strategy is deterministic: the stored objective guards against the fixture drifting from its note.
    assert.ok(Math.abs(exact.objective - c.exactObjective) <= 1e-6 * c.exactObjective, `exact ${exact.objective} vs stored ${c.exactObjective}`);
    const gap = (fast.objective - exact.objective) / Math.abs(exact.objective);
    if (gap > 1e-9) assert.equal(fast.certified, false, `fast ${fast.objective} vs exact ${exact.objective} (gap ${gap.toExponential(2)}) but certified`);
    if (!fast.certified) assert.ok(fast.diagnostics.some((d) => d.code === 'not-certified'));
  });
}

test('a certified fast answer is one the best check start, polished, agrees with to 1e-9', async () => {
  // 23#22 is a flat valley: before the polished check start had to agree, starts within 1e-6 sufficed.
  const c = cases.find((x) => x.name === 'gen-23#22')!;
  const fast = await fit(runsFromArrays({ N: c.N, D: c.D, loss: c.loss }));
  assert.equal(fast.certified, false);
  assert.ok(fast.diagnostics.some((d) => d.code === 'not-certified' && d.reason === 'check-disagrees'));
});
