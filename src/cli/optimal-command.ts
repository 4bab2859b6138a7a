/** `scaling-kit optimal --params JSON --flops C`: the compute-optimal N*, D* of a Chinchilla law. */

import { computeOptimal, type ChinchillaParams } from '../core/law.js';
import { parse, numberOption, UsageError } from './args.js';
import { formatOptimal } from './format.js';

export const OPTIMAL_USAGE = `scaling-kit optimal --params '{"A":406.4,"B":410.7,"E":1.69,"alpha":0.34,"beta":0.28}' --flops 5.76e23 [--json]
  Splits a compute budget between parameters and tokens (C = 6ND) to minimise the law's loss.`;

export function optimalCommand(argv: string[]): string {
  const { values } = parse(argv, { params: { type: 'string' }, flops: { type: 'string' }, json: { type: 'boolean' } }, 0);
  if (values.params === undefined) throw new UsageError('option --params is required (a JSON object with A, B, E, alpha, beta)');
  const flops = numberOption(values, 'flops', (x) => x > 0, 'a positive number of FLOPs');
  if (flops === undefined) throw new UsageError('option --flops is required');
  let params: ChinchillaParams;
  try {
    params = JSON.parse(values.params as string);
  } catch {
    throw new UsageError(`option --params: expected a JSON object, got ${JSON.stringify(values.params)}`);
  }
  const o = computeOptimal(params, flops);
  return values.json
    ? JSON.stringify({ C: o.C, N: o.N, D: o.D, tokensPerParam: o.tokensPerParam, loss: o.loss, G: o.G, a: o.a, b: o.b })
    : formatOptimal(o);
}
