/**
 * Where compare's --law comes from: a loss-law preset, or a JSON file holding
 * a law or the --json output of `scaling-kit fit`; each error names law A or B.
 */

import type { Law } from '../core/forms-eval.js';
import { PRESETS, PRESET_IDS, preset } from '../core/presets.js';
import { quote } from '../core/limits.js';
import { UsageError } from './args.js';
import { readInput } from './input.js';

/** The presets compare accepts: loss laws, not allocation rules. */
export const LAW_PRESETS = PRESETS.filter((p) => p.kind === 'law').map((p) => p.id);

export type Side = 'A' | 'B';

/** Where a --law comes from: a law preset (resolved now), or a file (read once every flag is checked). */
export type LawSource = { preset: string; law: Law } | { file: string };

export function lawSource(raw: string, side: Side): LawSource {
  if (!PRESET_IDS.includes(raw)) return { file: raw };
  const p = preset(raw);
  if (p.kind !== 'law') {
    throw new UsageError(`option --law (law ${side}): preset ${quote(raw)} is an allocation rule (how to split compute), not a loss law; compare needs two loss laws (${LAW_PRESETS.join(', ')})`);
  }
  return { preset: raw, law: p.law };
}

/** The law in a JSON file: a law object, or `scaling-kit fit --json` output (its `law`). */
export function lawFromFile(file: string, side: Side, maxBytes: number): Law {
  let text: string;
  try {
    text = readInput(file, maxBytes);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`option --law (law ${side}): ${quote(file)} is not a preset (${LAW_PRESETS.join(', ')}), and ${e.message}`);
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`option --law (law ${side}): ${quote(file)} holds no JSON; expected a law {"form", "params"} or the --json output of scaling-kit fit`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`option --law (law ${side}): ${quote(file)} holds ${Array.isArray(value) ? 'a JSON array (runs? give them to --runs)' : `JSON ${value === null ? 'null' : typeof value}`}, not a law; expected a law {"form", "params"} or the --json output of scaling-kit fit`);
  }
  const o = value as { law?: unknown };
  return (o.law !== null && typeof o.law === 'object' ? o.law : value) as Law;
}
