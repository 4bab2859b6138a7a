/** `scaling-kit bootstrap FILE`: percentile intervals for a Chinchilla fit by resampling runs. */

import { bootstrap } from '../core/bootstrap-fit.js';
import { ENGINE_NAMES } from '../engine/select.js';
import { RESAMPLE_RNGS } from '../stats/resample.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { readInput } from './fit-command.js';
import { count, sig } from './format.js';
import { toJson, numberList } from './json.js';

export const BOOTSTRAP_USAGE = `scaling-kit bootstrap FILE [--resamples 4000] [--seed 42] [--rng numpy|default] [--level 0.95]
                [--drop-highest K] [--budgets C1,C2,...] [--engine ...] [--workers N] [--json]
  Resamples the runs with replacement, refits each resample, and prints percentile intervals for
  A, B, E, alpha, beta, a = beta/(alpha+beta), G and, per budget, N*, D* and tokens per parameter.
  --rng numpy reproduces np.random.seed(S) + np.random.choice(n, n) draws exactly.`;

export async function bootstrapCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parse(argv, {
    resamples: { type: 'string' }, seed: { type: 'string' }, rng: { type: 'string' }, level: { type: 'string' },
    'drop-highest': { type: 'string' }, budgets: { type: 'string' }, engine: { type: 'string' }, workers: { type: 'string' },
    json: { type: 'boolean' },
  }, 1);
  if (positionals[0] === undefined) throw new UsageError('bootstrap needs a FILE of runs (CSV or JSON, - for stdin)');
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const r = await bootstrap(readInput(positionals[0]), {
    resamples: numberOption(values, 'resamples', (x) => whole(x) && x >= 1, 'a whole number ≥ 1'),
    seed: numberOption(values, 'seed', (x) => whole(x) && x < 2 ** 32, 'a whole number below 2^32'),
    rng: choiceOption(values, 'rng', RESAMPLE_RNGS),
    level: numberOption(values, 'level', (x) => x > 0 && x < 1, 'a number between 0 and 1'),
    dropHighest: numberOption(values, 'drop-highest', whole, 'a whole number ≥ 0'),
    budgets: numberList(values.budgets, 'budgets', (m) => new UsageError(m)),
    engine: choiceOption(values, 'engine', [...ENGINE_NAMES, 'auto'] as const),
    workers: numberOption(values, 'workers', whole, 'a whole number ≥ 0'),
  });
  if (values.json) {
    const { samples: _omitted, ...rest } = r;
    return toJson(rest);
  }
  const pct = Math.round(r.level * 1000) / 10;
  const row = (name: string, i: { lo: number; hi: number; median: number; estimate?: number }, f = (x: number) => sig(x, 5)) =>
    `  ${name.padEnd(16)}${f(i.estimate ?? i.median).padStart(12)}   ${pct}% (${f(i.lo)}, ${f(i.hi)})`;
  return [
    `bootstrap of ${r.resamples} resamples (${r.rng} draws, seed ${r.seed}; ${r.failed} failed), ${r.engine} engine, ${r.workers} workers, ${(r.ms / 1000).toFixed(2)} s`,
    ...(['A', 'B', 'E', 'alpha', 'beta'] as const).map((k) => row(k, r.params[k])),
    row('a = β/(α+β)', r.derived.a),
    row('G', r.derived.G),
    ...r.derived.perBudget.flatMap((b) => [
      row(`N*(${b.C.toExponential(2)})`, b.N, count), row(`D*(${b.C.toExponential(2)})`, b.D, count), row('tokens/param', b.tokensPerParam),
    ]),
    ...r.notices.map((n) => `note: ${n}`),
  ].join('\n');
}
