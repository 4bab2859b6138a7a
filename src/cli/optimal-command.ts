/**
 * `scaling-kit optimal`: how a compute budget should be split between
 * parameters and tokens under a law (a preset or given parameters), the
 * compute needed for a target loss, or the inference-aware split.
 */

import { checkLaw, type Law } from '../core/forms-eval.js';
import { optimalAllocation, computeForLoss, inferenceOptimal } from '../core/planning.js';
import { preset, PRESET_IDS, allocationAt } from '../core/presets.js';
import { computeOptimal } from '../core/law.js';
import { parse, numberOption, jsonOption, renamedOption, UsageError } from './args.js';
import type { CommandOutput } from './run.js';
import { quote } from '../core/limits.js';
import { count, sig } from './format.js';
import { toJson } from './json.js';

export const OPTIMAL_USAGE = `scaling-kit optimal (--law PRESET | --params JSON [--form FORM]) (--budget C | --target-loss L)
                [--inference-tokens T] [--flops-per-token 6] [--json]
  Splits a compute budget between parameters and tokens to minimise the law's loss (C = 6ND), or finds
  the compute that reaches --target-loss; with --inference-tokens, the split that minimises training plus
  inference FLOPs for that loss (Sardana et al. 2024). --params alone means the Chinchilla form, e.g.
  --params '{"A":406.4,"B":410.7,"E":1.69,"alpha":0.34,"beta":0.28}'. Presets: ${PRESET_IDS.join(', ')}.
  --flops, the old name of --budget, is read until the next release.
  Examples: scaling-kit optimal --law besiroglu2024 --budget 5.76e23
            scaling-kit optimal --law hoffmann2022 --target-loss 1.95 --inference-tokens 2e13`;

function lawFrom(values: Record<string, unknown>): Law | { allocation: ReturnType<typeof preset> } {
  if ((values.law === undefined) === (values.params === undefined)) throw new UsageError('give exactly one of --law PRESET and --params JSON');
  if (values.law !== undefined) {
    const id = String(values.law);
    if (!PRESET_IDS.includes(id)) throw new UsageError(`option --law: unknown preset ${quote(id)} (presets: ${PRESET_IDS.join(', ')})`);
    const p = preset(id);
    return p.kind === 'law' ? p.law : { allocation: p };
  }
  const params = jsonOption(values, 'params');
  const law = { form: (values.form as string | undefined) ?? 'chinchilla', params, variable: 'N' } as Law;
  checkLaw(law, 'params');
  return law;
}

export function optimalCommand(argv: string[]): CommandOutput {
  const { values } = parse(argv, {
    law: { type: 'string' }, params: { type: 'string' }, form: { type: 'string' }, budget: { type: 'string' }, flops: { type: 'string' },
    'target-loss': { type: 'string' }, 'inference-tokens': { type: 'string' }, 'flops-per-token': { type: 'string' },
    json: { type: 'boolean' },
  }, 0);
  const stderr = renamedOption(values, 'budget', 'flops');
  const stdout = optimalText(values);
  return stderr ? { stdout, stderr } : stdout;
}

function optimalText(values: Record<string, unknown>): string {
  const law = lawFrom(values);
  const flops = numberOption(values, 'budget', (x) => x > 0, 'a positive number of FLOPs');
  const target = numberOption(values, 'target-loss', (x) => x > 0, 'a positive loss');
  const inference = numberOption(values, 'inference-tokens', (x) => x >= 0, 'a number of tokens ≥ 0');
  const flopsPerToken = numberOption(values, 'flops-per-token', (x) => x > 0, 'a positive number');
  const plan = { flopsPerToken };

  if ('allocation' in law) {
    // Allocation-only presets (DeepSeek, Llama 3) say how to split, not what loss follows.
    if (flops === undefined) throw new UsageError(`preset "${law.allocation.id}" is an allocation rule: it needs --budget`);
    if (law.allocation.kind !== 'allocation') throw new UsageError('internal: not an allocation preset');
    const a = allocationAt(law.allocation.allocation, flops);
    return values.json ? toJson(a) : `${law.allocation.name} at C = ${flops.toExponential(3)}: D* = ${count(a.D)} tokens${a.N ? `, N* = ${count(a.N)} parameters` : ''}${a.M ? `, M* = ${sig(a.M, 4)} FLOPs/token` : ''}`;
  }
  if (inference !== undefined) {
    if (target === undefined) throw new UsageError('--inference-tokens needs --target-loss (the quality to reach)');
    const r = inferenceOptimal(law, { targetLoss: target, inferenceTokens: inference, ...plan });
    if (values.json) return toJson(r);
    return [
      `Inference-aware model for loss ${target} with ${inference.toExponential(2)} inference tokens:`,
      `  N = ${count(r.N)} parameters on D = ${count(r.D)} tokens (${sig(r.tokensPerParam, 4)} per parameter)`,
      `  FLOPs: training ${r.trainFlops.toExponential(3)}, inference ${r.inferenceFlops.toExponential(3)}, total ${r.totalFlops.toExponential(3)}`,
      `  compute-optimal model of the same loss: N = ${count(r.reference.N)}, total ${r.reference.totalFlops.toExponential(3)} FLOPs; saving ${(100 * r.savingFraction).toFixed(1)}%`,
    ].join('\n');
  }
  if ((flops === undefined) === (target === undefined)) throw new UsageError('give exactly one of --budget C and --target-loss L');
  const a = flops !== undefined ? optimalAllocation(law, flops, plan) : computeForLoss(law, target!, plan);
  if (values.json) {
    const extra = law.form === 'chinchilla' && flops !== undefined ? (({ G, a: ea, b }) => ({ G, a: ea, b }))(computeOptimal(law.params, flops)) : {};
    return toJson({ ...a, ...extra });
  }
  return [
    `Compute-optimal allocation of C = ${a.C.toExponential(3)} FLOPs (C = ${a.flopsPerToken}·N·D, ${a.method}):`,
    `  N* = ${count(a.N)} parameters, D* = ${count(a.D)} tokens, ${sig(a.tokensPerParam, 4)} tokens per parameter`,
    `  predicted loss ${sig(a.loss, 6)}`,
  ].join('\n');
}
