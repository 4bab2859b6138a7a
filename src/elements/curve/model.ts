/**
 * What <scaling-curve> draws, from its attributes and properties: the laws
 * (presets and/or law JSON), the x variable, how the other variable is held,
 * the x range and the optional runs. Pure: validates once and throws an
 * AttributeError in plain words (the element's language) naming the culprit.
 */

import { PRESET_LAWS, type LawEntry } from '../../core/preset-laws.js';
import { checkLaw, type Law, type LossVariable } from '../../core/forms-eval.js';
import { isTaskForm } from '../../laws/index.js';
import { formatLaw } from '../../core/law-text.js';
import { readRuns, type RunsInput } from '../../core/runs.js';
import type { Runs } from '../../core/runs-types.js';
import { defaultHold, sampleLaw, type Hold, type Sample } from '../../chart/sample.js';
import { extent, logDomain, type ScaleType } from '../../chart/scales.js';
import { presetLabel } from '../../i18n/common.js';
import type { CurveTranslate, Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { isolate } from '../../chart/isolate.js';
import { AttributeError, choiceAttr, positiveAttr, rangeAttr } from '../attributes.js';
import { messageOf } from '../base.js';

/** A law as the `law` attribute/property takes it: a Law plus an optional legend label. */
export type LawInput = Law & { label?: string };

export interface CurveInputs {
  preset?: string;
  law?: LawInput | readonly LawInput[] | string;
  x?: string;
  fixedD?: number | string;
  fixedN?: number | string;
  tokensPerParam?: number | string;
  uniqueTokens?: number | string;
  /** "low high": the x range, written as the landscape's n-range and d-range are. */
  xRange?: string | readonly number[];
  /** Deprecated halves of xRange, read when it is not given. */
  from?: number | string;
  to?: number | string;
  yScale?: string;
  runs?: Runs | RunsInput;
  /** Text of an inline <script type="text/csv"> child. */
  csv?: string;
  /** A zoomed x range, or null for the full range. */
  view?: readonly [number, number] | null;
}

export interface CurveSeries {
  /** Preset id, or law1, law2, … for laws given as JSON. */
  key: string;
  label: string;
  law: Law;
  hold: Hold;
  samples: Sample[];
  /** Colour class: series-0, series-1, … */
  className: string;
}

export interface CurveModel {
  x: LossVariable;
  /** The full x range (from/to, the runs, or the default for x). */
  domain: [number, number];
  /** What is shown: the zoomed range or the full one. */
  view: [number, number];
  yType: ScaleType;
  series: CurveSeries[];
  runs?: Runs;
  U?: number;
}

export const CURVE_DEFAULTS = {
  domains: { N: [1e7, 1e12], D: [1e9, 1e14], C: [1e18, 1e26] } as Record<LossVariable, [number, number]>,
  series: 8,
};

const LAW_PRESETS = PRESET_LAWS.filter((p): p is LawEntry => p.kind === 'law');

function presetLaws(text: string, t: CurveTranslate): CurveSeries[] {
  return text.split(/[\s,]+/).filter(Boolean).map((id) => {
    const found = PRESET_LAWS.find((p) => p.id === id);
    if (!found) throw new AttributeError('preset', t('errUnknownPreset', { id: isolate(id), list: LAW_PRESETS.map((p) => p.id).join(', ') }));
    if (found.kind !== 'law') throw new AttributeError('preset', t('errAllocationPreset', { id: isolate(id) }));
    return { key: id, label: presetLabel(t, id, found.name), law: found.law, hold: { kind: 'none' }, samples: [], className: '' };
  });
}

function jsonLaws(value: LawInput | readonly LawInput[] | string, t: CurveTranslate, lang: Lang): CurveSeries[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new AttributeError('law', t('errLawJson', { detail: isolate(messageOf(error)) }));
    }
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || !('form' in item) || !('params' in item)) throw new AttributeError('law', t('errLawShape'));
    const { label, ...rest } = item as LawInput;
    const law = rest as Law;
    const name = typeof label === 'string' && label.trim() ? label : undefined;
    const shown = name === undefined ? `law ${i + 1}` : isolate(name);
    try {
      checkLaw(law);
    } catch (error) {
      throw new AttributeError('law', t('errLaw', { label: shown, detail: isolate(describeError(error, lang)) }));
    }
    if (isTaskForm(law.form)) throw new AttributeError('law', t('errLawTask', { label: shown }));
    return { key: `law${i + 1}`, label: name ?? formatLaw(law, 4), law, hold: { kind: 'none' } as Hold, samples: [], className: '' };
  });
}

/** The explicit hold from fixed-d / fixed-n / tokens-per-param, or undefined for each law's default. */
function explicitHold(inputs: CurveInputs, x: LossVariable, t: CurveTranslate): Hold | undefined {
  const D = positiveAttr(inputs.fixedD, 'fixed-d', t);
  const N = positiveAttr(inputs.fixedN, 'fixed-n', t);
  const r = positiveAttr(inputs.tokensPerParam, 'tokens-per-param', t);
  const given = [D, N, r].filter((v) => v !== undefined).length;
  if (given > 1) throw new AttributeError('fixed-d', t('errHoldConflict', { list: 'fixed-d, fixed-n, tokens-per-param' }));
  if (N !== undefined && x === 'N') throw new AttributeError('fixed-n', t('errHoldAxis', { attr: 'fixed-n', x }));
  if (D !== undefined && x === 'D') throw new AttributeError('fixed-d', t('errHoldAxis', { attr: 'fixed-d', x }));
  if (D !== undefined) return { kind: 'fixed-D', D };
  if (N !== undefined) return { kind: 'fixed-N', N };
  if (r !== undefined) return { kind: 'ratio', tokensPerParam: r };
  return undefined;
}

function readData(inputs: CurveInputs, t: CurveTranslate, lang: Lang): Runs | undefined {
  const source = inputs.runs ?? (inputs.csv?.trim() ? inputs.csv : undefined);
  if (source === undefined) return undefined;
  const isRuns = (v: unknown): v is Runs => typeof v === 'object' && v !== null && (v as Runs).N instanceof Float64Array && (v as Runs).rows instanceof Int32Array;
  if (isRuns(source)) return source;
  try {
    return readRuns(source);
  } catch (error) {
    throw new AttributeError('runs', t('errData', { detail: isolate(describeError(error, lang)) }));
  }
}

/** Validates the inputs and samples every law over the view. */
export function buildCurveModel(inputs: CurveInputs, t: CurveTranslate, lang: Lang = 'en'): CurveModel {
  const x = choiceAttr(inputs.x, 'x', ['N', 'D', 'C'] as const, 'N', t);
  const yType = choiceAttr(inputs.yScale, 'y-scale', ['linear', 'log'] as const, 'linear', t);
  const series = [
    ...(inputs.preset?.trim() ? presetLaws(inputs.preset, t) : []),
    ...(inputs.law !== undefined && inputs.law !== '' ? jsonLaws(inputs.law, t, lang) : []),
  ];
  if (series.length === 0) throw new AttributeError('preset', t('errNoLaw'));
  const hold = explicitHold(inputs, x, t);
  const U = positiveAttr(inputs.uniqueTokens, 'unique-tokens', t);
  const runs = readData(inputs, t, lang);

  const fallback = runs ? logDomain(extent(runs[x], true) ?? CURVE_DEFAULTS.domains[x], 0.06) : CURVE_DEFAULTS.domains[x];
  const [from, to] = inputs.xRange !== undefined && inputs.xRange !== ''
    ? rangeAttr(inputs.xRange, 'x-range', fallback, t)
    : [positiveAttr(inputs.from, 'from', t) ?? fallback[0], positiveAttr(inputs.to, 'to', t) ?? fallback[1]];
  if (!(from < to)) throw new AttributeError('from', t('errRange', { from, to }));
  const domain: [number, number] = [from, to];
  const view: [number, number] = inputs.view ? [inputs.view[0], inputs.view[1]] : domain;

  series.forEach((s, i) => {
    s.hold = hold ?? defaultHold(s.law, x);
    s.className = `series-${i % CURVE_DEFAULTS.series}`;
    try {
      s.samples = sampleLaw(s.law, x, s.hold, view, { U });
    } catch (error) {
      throw new AttributeError('law', t('errLaw', { label: isolate(s.label), detail: isolate(describeError(error, lang)) }));
    }
  });
  return { x, domain, view, yType, series, runs, U };
}
