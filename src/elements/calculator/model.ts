/**
 * What <scaling-calculator> computes, from its attributes and properties: a
 * validated scenario (a FLOP budget, or GPUs × days × MFU on a hardware
 * preset), the laws to compare (presets and an optional linked fit), and per
 * law the compute-optimal N*, D*, tokens per parameter and loss, plus the
 * Sardana et al. inference-aware split when inference tokens are given. The
 * budget's GPU-hours, dollars, energy and CO2e come from core/cost.ts. Pure:
 * validation throws an AttributeError in the element's language naming the
 * attribute; a law that cannot plan keeps its row with a note instead.
 */

import { presetLabel, type CommonKey } from '../../i18n/common.js';
import { HARDWARE, COST_DEFAULTS, costOfGpuHours, trainingCost, type CostEstimate, type HardwareId } from '../../core/cost.js';
import { isTwoVariable, type Law } from '../../core/forms-eval.js';
import { inferenceOptimal, optimalAllocation } from '../../core/planning.js';
import { PRESET_LAWS, allocationAt, type AllocationLaw } from '../../core/preset-laws.js';
import type { CalculatorTranslate, Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { isolate } from '../../chart/isolate.js';
import { AttributeError, choiceAttr } from '../attributes.js';
import { parseNumber } from '../../format/parse-number.js';
import { formatFlopsText } from './format.js';

export type Mode = 'flops' | 'gpu';
export const MODES: readonly Mode[] = ['flops', 'gpu'];
export const HARDWARE_IDS = Object.keys(HARDWARE) as HardwareId[];

/** Everything a scenario fixes; round-trips through the URL hash (hash.ts). */
export interface Scenario {
  mode: Mode;
  /** Training FLOPs: the input in flops mode, GPUs × days × peak × MFU in gpu mode. */
  C: number;
  laws: string[];
  hardware: HardwareId;
  gpus: number;
  days: number;
  /** Model FLOPs utilisation in (0, 1]. */
  mfu: number;
  /** Dollars per GPU-hour. */
  price: number;
  /** Expected lifetime inference tokens; 0 for none. */
  inferenceTokens: number;
}

export const CALC_DEFAULTS = {
  C: 5.76e23,
  laws: ['besiroglu2024', 'hoffmann2022', 'llama3-2024'],
  mode: 'flops' as Mode,
  hardware: COST_DEFAULTS.hardware,
  gpus: 1024,
  days: 30,
  mfu: COST_DEFAULTS.mfu,
  price: COST_DEFAULTS.pricePerGpuHour,
  inferenceTokens: 0,
  /** The slider's range, and the chart's unless the budget lies outside it. */
  range: [1e18, 1e27] as [number, number],
  /** What the text field, attributes and the hash accept. */
  limits: [1e12, 1e32] as [number, number],
  /** Unique tokens given to a data-constrained law: so many that no data repeats. */
  U: 1e30,
  series: 8,
};

/** Preset ids the calculator can use: laws of N and D, and allocation rules. */
export const CALC_LAW_IDS: readonly string[] = PRESET_LAWS
  .filter((p) => p.kind === 'allocation' || isTwoVariable(p.law))
  .map((p) => p.id);

/** Raw attribute/property values, as authors write them. */
export interface CalcInputs {
  flops?: unknown; laws?: unknown; mode?: unknown; hardware?: unknown; gpus?: unknown;
  days?: unknown; mfu?: unknown; price?: unknown; inferenceTokens?: unknown;
}

/** A number from text, as everywhere in scaling-kit (src/format/parse-number.ts). */
export { parseNumber };

interface NumberRule { attr: string; min: number; max: number; minOpen?: boolean; integer?: boolean }

function numberAttr(value: unknown, fallback: number, rule: NumberRule, t: CalculatorTranslate): number {
  if (value === undefined || value === null || value === '') return fallback;
  const x = parseNumber(value);
  const text = isolate(String(value));
  if (!Number.isFinite(x)) throw new AttributeError(rule.attr, t('errBadNumber', { attr: rule.attr, value: text }));
  if (rule.integer && !Number.isInteger(x)) throw new AttributeError(rule.attr, t('errCalcInteger', { attr: rule.attr, value: text }));
  if (x > rule.max || (rule.minOpen ? x <= rule.min : x < rule.min)) {
    throw new AttributeError(rule.attr, t('errCalcRange', { attr: rule.attr, lo: rule.min, hi: rule.max, value: text }));
  }
  return x;
}

/** Limits of each numeric setting: shared by attributes, form fields and the hash. */
export const RULES = {
  flops: { attr: 'budget', min: CALC_DEFAULTS.limits[0], max: CALC_DEFAULTS.limits[1] },
  gpus: { attr: 'gpus', min: 1, max: 1e7, integer: true },
  days: { attr: 'days', min: 0, max: 1e5, minOpen: true },
  mfu: { attr: 'mfu', min: 0, max: 1, minOpen: true },
  price: { attr: 'price', min: 0, max: 1e4 },
  inferenceTokens: { attr: 'inference-tokens', min: 0, max: 1e20 },
} satisfies Record<string, NumberRule>;

/** Checks one numeric setting; returns the number or throws an AttributeError. */
export function checkNumber(field: keyof typeof RULES, value: unknown, t: CalculatorTranslate): number {
  const rule = RULES[field];
  if (value === undefined || value === null || value === '') throw new AttributeError(rule.attr, t('errBadNumber', { attr: rule.attr, value: '' }));
  return numberAttr(value, NaN, rule, t);
}

/** Preset ids from "a,b c" or a list; each must be one the calculator can use. */
export function readLawIds(value: unknown, t: CalculatorTranslate): string[] {
  if (value === undefined || value === null) return [...CALC_DEFAULTS.laws];
  const list = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,|]+/);
  const ids = list.map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    const found = PRESET_LAWS.find((p) => p.id === id);
    if (!found) throw new AttributeError('laws', t('errUnknownPreset', { id: isolate(id), list: CALC_LAW_IDS.join(', ') }));
    if (!CALC_LAW_IDS.includes(id)) throw new AttributeError('laws', t('errCalcOneVariable', { id: isolate(id) }));
  }
  return [...new Set(ids)];
}

/** Validates the inputs into a scenario; C in gpu mode comes from the GPUs, days, hardware and MFU. */
export function readScenario(i: CalcInputs, t: CalculatorTranslate): Scenario {
  const mode = choiceAttr(i.mode, 'mode', MODES, CALC_DEFAULTS.mode, t);
  const hardware = choiceAttr(i.hardware, 'hardware', HARDWARE_IDS, CALC_DEFAULTS.hardware, t);
  const s: Scenario = {
    mode, hardware,
    C: numberAttr(i.flops, CALC_DEFAULTS.C, RULES.flops, t),
    laws: readLawIds(i.laws, t),
    gpus: numberAttr(i.gpus, CALC_DEFAULTS.gpus, RULES.gpus, t),
    days: numberAttr(i.days, CALC_DEFAULTS.days, RULES.days, t),
    mfu: numberAttr(i.mfu, CALC_DEFAULTS.mfu, RULES.mfu, t),
    price: numberAttr(i.price, CALC_DEFAULTS.price, RULES.price, t),
    inferenceTokens: numberAttr(i.inferenceTokens, CALC_DEFAULTS.inferenceTokens, RULES.inferenceTokens, t),
  };
  if (mode === 'gpu') s.C = gpuFlops(s);
  return s;
}

/** GPUs × days × 86,400 s × dense peak × MFU. */
export const gpuFlops = (s: Pick<Scenario, 'gpus' | 'days' | 'hardware' | 'mfu'>): number =>
  s.gpus * s.days * 86_400 * HARDWARE[s.hardware].peakFlops * s.mfu;

/** A law to compare: a loss law (preset or fit) or an allocation rule. */
export interface LawSource {
  key: string;
  /** Full name (the preset's), and a short one for column headers. */
  label: string;
  short: string;
  kind: 'fit' | 'law' | 'allocation';
  /** The linked fit's element id: for tooltips only (readers see the label). */
  ref?: string;
  law?: Law;
  allocation?: AllocationLaw;
}

/** A row's name with where it came from, for tooltips and exports: the preset's id, or the linked fit's element id. */
export const sourcedLabel = (r: CalcRow): string => (r.kind === 'fit' ? `${r.label} (#${r.ref ?? ''})` : `${r.label} (${r.key})`);

/** "Besiroglu et al. 2024 (Epoch AI), Chinchilla replication" → "Besiroglu et al. 2024". */
export const shortName = (name: string): string => name.split(/\s*[,(]/)[0].trim() || name;

/** Sources for preset ids, named for readers in the translator's language (ids stay in `key`, never in a header). */
export function presetSources(ids: readonly string[], t: (key: CommonKey) => string): LawSource[] {
  const list = ids.map((id) => PRESET_LAWS.find((q) => q.id === id)!);
  return list.map((p) => {
    const label = presetLabel(t, p.id, p.name), short = presetLabel(t, p.id, shortName(p.name), true);
    return p.kind === 'law'
      ? { key: p.id, label, short, kind: 'law', law: p.law }
      : { key: p.id, label, short, kind: 'allocation', allocation: p.allocation };
  });
}

export interface InferenceRow { N: number; D: number; tokensPerParam: number; savingFraction: number; savingFlops: number; totalFlops: number }

export interface CalcRow {
  key: string;
  ref?: string;
  label: string;
  short: string;
  kind: LawSource['kind'];
  /** Colour class shared with the chart: series-0, … */
  className: string;
  N: number;
  D: number;
  tokensPerParam: number;
  /** Predicted loss; NaN for allocation rules (they have no loss surface). */
  loss: number;
  /** DeepSeek's model scale (non-embedding FLOPs per token); N is then ≈ M/6. */
  M?: number;
  inference?: InferenceRow;
  /** Why some values are missing, in words. */
  note?: string;
}

export type Budget = Omit<CostEstimate, 'flops'> & { C: number };

export interface CalcResult {
  scenario: Scenario;
  budget: Budget;
  rows: CalcRow[];
}

const EMPTY = { N: NaN, D: NaN, tokensPerParam: NaN, loss: NaN };

function lawRow(base: Omit<CalcRow, keyof typeof EMPTY>, law: Law, s: Scenario, t: CalculatorTranslate, lang: Lang): CalcRow {
  if (!isTwoVariable(law)) return { ...base, ...EMPTY, note: t('calcNotPlannable', { form: law.form }) };
  const U = law.form === 'data-constrained' ? CALC_DEFAULTS.U : undefined;
  try {
    const a = optimalAllocation(law, s.C, { U });
    const row: CalcRow = { ...base, N: a.N, D: a.D, tokensPerParam: a.tokensPerParam, loss: a.loss };
    if (s.inferenceTokens > 0) {
      try {
        const r = inferenceOptimal(law, { targetLoss: a.loss, inferenceTokens: s.inferenceTokens, U });
        row.inference = { N: r.N, D: r.D, tokensPerParam: r.tokensPerParam, savingFraction: r.savingFraction, savingFlops: r.savingFlops, totalFlops: r.totalFlops };
      } catch (error) {
        row.note = t('calcRowFailed', { detail: describeError(error, lang) });
      }
    }
    return row;
  } catch (error) {
    return { ...base, ...EMPTY, note: t('calcRowFailed', { detail: describeError(error, lang) }) };
  }
}

function allocationRow(base: Omit<CalcRow, keyof typeof EMPTY>, rule: AllocationLaw, s: Scenario, t: CalculatorTranslate): CalcRow {
  const p = allocationAt(rule, s.C);
  // DeepSeek's scale is M, FLOPs per token; N ≈ M/6 is the usual rough reading (presets.ts notes).
  const N = p.N ?? (p.M as number) / 6;
  const row: CalcRow = { ...base, N, D: p.D, tokensPerParam: p.D / N, loss: NaN, M: p.M };
  row.note = p.M !== undefined ? t('calcApproxN', { M: formatFlopsText(p.M) }) : t('calcNoLoss');
  return row;
}

/** The budget's cost (core/cost.ts) and every law's compute-optimal split of it. */
export function calculate(s: Scenario, sources: readonly LawSource[], t: CalculatorTranslate, lang: Lang = 'en'): CalcResult {
  const options = { hardware: s.hardware, mfu: s.mfu, gpus: s.gpus, pricePerGpuHour: s.price };
  const { flops, ...cost } = s.mode === 'gpu' ? costOfGpuHours(s.gpus * s.days * 24, options) : trainingCost(s.C, options);
  const rows = sources.map((src, i) => {
    const base = { key: src.key, ref: src.ref, label: src.label, short: src.short, kind: src.kind, className: `series-${i % CALC_DEFAULTS.series}` };
    return src.allocation ? allocationRow(base, src.allocation, s, t) : lawRow(base, src.law as Law, s, t, lang);
  });
  return { scenario: s, budget: { C: flops, ...cost }, rows };
}
