// On every dataset in test/fixtures/data with every form that applies, the
// default (fast) strategy reaches the objective of the exact strategy (every
// start of the grid) to 1e-9 relative, or it says `certified: false`. A fast
// fit that misses the optimum and calls itself certified is the defect this
// guards against. The same cases make the table in `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fit } from '../../../src/core/fit.js';
import { CERTIFICATION_CASES } from '../../fixtures/certification-cases.js';

for (const c of CERTIFICATION_CASES) {
  test(`${c.dataset}, ${c.label}: fast reaches exact or is not certified`, async () => {
    const runs = c.runs();
    const fast = await fit(runs, c.options);
    const exact = await fit(runs, { ...c.options, strategy: 'exact' });
    const gap = (fast.objective - exact.objective) / Math.abs(exact.objective);
    if (gap > 1e-9) assert.equal(fast.certified, false, `fast ${fast.objective} vs exact ${exact.objective} (gap ${gap.toExponential(2)}) but certified`);
    // An uncertified answer says why.
    for (const r of [fast, exact]) if (!r.certified) assert.ok(r.diagnostics.some((d) => d.code === 'not-certified'));
  });
}
