/**
 * A bootstrap resample as its own small data set: only runs drawn at least
 * once, each weighted by how often it was drawn. Refitting that equals
 * refitting the resample with its repeats, at a fraction of the cost.
 * Mirrors the compaction in assembly/solve/weighted.ts.
 */

import type { FitData } from './types.js';

export function compactByWeight(data: FitData, weights: Float64Array, offset = 0): FitData {
  let m = 0;
  for (let i = 0; i < data.count; i++) if (weights[offset + i] !== 0) m++;
  const pick = (src: Float64Array) => {
    const out = new Float64Array(m);
    for (let i = 0, j = 0; i < data.count; i++) if (weights[offset + i] !== 0) out[j++] = src[i];
    return out;
  };
  return {
    count: m,
    lnN: pick(data.lnN), lnD: pick(data.lnD), lnC: pick(data.lnC), lnU: pick(data.lnU),
    lnL: pick(data.lnL), loss: pick(data.loss), input: pick(data.input),
    weight: pick(weights.subarray(offset, offset + data.count)),
  };
}
