/**
 * What <scaling-landscape> draws, from its attributes and properties: a law
 * of N and D (preset id or JSON), the N and D ranges, the loss on a log-N ×
 * log-D grid (the core's `lossFunction`), filled contour bands (d3-contour),
 * the compute-optimal frontier (the core's `optimalAllocation` over C) and the
 * named models placed on the map with their predicted losses. Pure: validates
 * once and throws an AttributeError in plain words naming the culprit.
 */

import { contours, type ContourMultiPolygon } from 'd3-contour';
import { ticks } from 'd3-array';
import { PRESET_LAWS } from '../../core/preset-laws.js';
import { checkLaw, isTwoVariable, lossFunction, type Law, type TwoVariableLaw } from '../../core/forms-eval.js';
import { lossFloor, optimalAllocation, type Allocation } from '../../core/planning.js';
import { formatLaw } from '../../core/law-text.js';
import { presetLabel } from '../../i18n/common.js';
import type { LandscapeTranslate, Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { isolate } from '../../chart/isolate.js';
import { AttributeError, parseQuantity, rangeAttr } from '../attributes.js';
import { messageOf } from '../base.js';

/** A model to place on the map. */
export interface ModelInput { name: string; N: number; D: number }

export interface LandscapeInputs {
  law?: string | (Law & { label?: string });
  models?: string | readonly ModelInput[];
  nRange?: string | readonly [number, number];
  dRange?: string | readonly [number, number];
}

export interface PlacedModel extends ModelInput {
  C: number;
  loss: number;
  /** The compute-optimal split of the same C, when the law has one. */
  optimal?: Allocation;
}

export interface LandscapeModel {
  law: TwoVariableLaw;
  /** Preset name, the JSON label, or the formula. */
  label: string;
  loss: (N: number, D: number) => number;
  nRange: [number, number];
  dRange: [number, number];
  /** Grid size and values (row-major, N along x, D along y, cell centres). */
  nx: number;
  ny: number;
  values: Float64Array;
  /** Loss thresholds, ascending; bands[k] is the region with loss ≥ thresholds[k]. */
  thresholds: number[];
  bands: ContourMultiPolygon[];
  frontier: Allocation[];
  /** The compute-optimal split at each power of ten of C on the map. */
  frontierDecades: Allocation[];
  models: PlacedModel[];
  /** Milliseconds spent on the grid and on the contours. */
  timings: { grid: number; contours: number };
}

export const LANDSCAPE_DEFAULTS = {
  law: 'besiroglu2024',
  nRange: [1e8, 1e13] as [number, number],
  dRange: [1e9, 1e14] as [number, number],
  models: [{ name: 'Gopher', N: 280e9, D: 300e9 }, { name: 'Chinchilla', N: 70e9, D: 1.4e12 }] as readonly ModelInput[],
  grid: 100,
  frontierSamples: 80,
  flopsPerToken: 6,
};

/**
 * What the attributes may ask for. Each loop's count derives from them (decade
 * rows and iso-FLOP lines from the FLOPs span, ticks from each axis's decades,
 * bands from the loss span, markers from the models), so each is bounded here
 * and an input past a bound is an error in place, never a frozen page: e.g.
 * d-range="1e9, 1e300" makes 6·N·D overflow to Infinity.
 */
export const LANDSCAPE_LIMITS = {
  /** Decades one axis (n-range, d-range) may span. */
  decades: 40,
  /** Models placed on the map. */
  models: 1000,
  /** Loss bands (contour thresholds); more are thinned to every k-th. */
  thresholds: 60,
};

function readLaw(value: LandscapeInputs['law'], t: LandscapeTranslate, lang: Lang): { law: TwoVariableLaw; label: string } {
  const text = typeof value === 'string' ? value.trim() : value;
  let law: Law, label: string | undefined;
  if (text === undefined || text === '' || (typeof text === 'string' && !/^[[{]/.test(text))) {
    const id = (text as string | undefined) || LANDSCAPE_DEFAULTS.law;
    const found = PRESET_LAWS.find((p) => p.id === id);
    if (!found) throw new AttributeError('law', t('errUnknownPreset', { id: isolate(id), list: PRESET_LAWS.filter((p) => p.kind === 'law').map((p) => p.id).join(', ') }));
    if (found.kind !== 'law') throw new AttributeError('law', t('errAllocationPreset', { id: isolate(id) }));
    (law = found.law, label = presetLabel(t, id, found.name));
  } else {
    let parsed: unknown = text;
    if (typeof text === 'string') {
      try { parsed = JSON.parse(text); } catch (error) { throw new AttributeError('law', t('errLawJson', { detail: isolate(messageOf(error)) })); }
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !('form' in parsed) || !('params' in parsed)) throw new AttributeError('law', t('errLawShape'));
    const { label: given, ...rest } = parsed as Law & { label?: unknown };
    law = rest as Law;
    label = typeof given === 'string' && given.trim() ? given : undefined;
    try { checkLaw(law); } catch (error) { throw new AttributeError('law', t('errLaw', { label: label === undefined ? 'law' : isolate(label), detail: isolate(describeError(error, lang)) })); }
  }
  if (!isTwoVariable(law) || law.form === 'data-constrained') throw new AttributeError('law', t('errLandForm', { label: isolate(label ?? law.form) }));
  return { law, label: label ?? formatLaw(law, 4) };
}

function readRange(value: LandscapeInputs['nRange'], attr: string, fallback: [number, number], t: LandscapeTranslate): [number, number] {
  const parts = rangeAttr(value, attr, fallback, t);
  if (parts === fallback) return fallback;
  const decades = Math.log10(parts[1]) - Math.log10(parts[0]);
  if (!(decades <= LANDSCAPE_LIMITS.decades)) {
    throw new AttributeError(attr, t('errLandSpan', { attr, value: isolate(String(value)), decades: Math.round(decades), max: LANDSCAPE_LIMITS.decades }));
  }
  return [parts[0], parts[1]];
}

function readModels(value: LandscapeInputs['models'], t: LandscapeTranslate): ModelInput[] {
  if (value === undefined || value === '') return [...LANDSCAPE_DEFAULTS.models];
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try { parsed = JSON.parse(value); } catch (error) { throw new AttributeError('models', t('errModels', { detail: isolate(messageOf(error)) })); }
  }
  if (!Array.isArray(parsed)) throw new AttributeError('models', t('errModels', { detail: typeof parsed }));
  if (parsed.length > LANDSCAPE_LIMITS.models) throw new AttributeError('models', t('errLandModels', { n: parsed.length, max: LANDSCAPE_LIMITS.models }));
  return parsed.map((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name : String(o.name ?? `#${i + 1}`);
    const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? parseQuantity(v) : NaN);
    const N = num(o.N), D = num(o.D);
    if (!(Number.isFinite(N) && N > 0 && Number.isFinite(D) && D > 0)) throw new AttributeError('models', t('errModel', { i: i + 1, name: isolate(name) }));
    return { name, N, D };
  });
}

/**
 * Thresholds for filled contours: floor + r with r on a 1-2-5-like sequence per
 * decade (finer when the range is narrow), so bands are about evenly spaced on
 * the log-log map (reducible loss is roughly a power law); linear ticks when
 * the loss does not approach the floor.
 */
export function lossThresholds(lo: number, hi: number, floor: number): number[] {
  const sets = [[1, 2, 5], [1, 1.5, 2, 3, 5, 7], [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8]];
  if (Number.isFinite(floor) && floor < lo) {
    const a = lo - floor, b = hi - floor;
    let levels: number[] = [];
    for (const set of sets) {
      levels = [];
      for (let k = Math.floor(Math.log10(a)); k <= Math.ceil(Math.log10(b)); k++) {
        for (const m of set) { const r = Number(`${m}e${k}`); if (r > a && r < b) levels.push(floor + r); }
      }
      if (levels.length >= 9) break;
    }
    // A loss spanning hundreds of decades would give thousands of bands: keep every k-th.
    const every = Math.ceil(levels.length / LANDSCAPE_LIMITS.thresholds);
    if (every > 1) levels = levels.filter((_, i) => i % every === 0);
    if (levels.length >= 5) return [lo, ...levels];
  }
  return [lo, ...ticks(lo, hi, 14).filter((v) => v > lo && v < hi)];
}

/** 3 significant digits for messages: 1e+300, 6e+22, Infinity, 0. */
const short = (x: number) => String(Number(x.toPrecision(3)));

export function buildLandscapeModel(inputs: LandscapeInputs, t: LandscapeTranslate, lang: Lang = 'en'): LandscapeModel {
  const { law, label } = readLaw(inputs.law, t, lang);
  const nRange = readRange(inputs.nRange, 'n-range', LANDSCAPE_DEFAULTS.nRange, t);
  const dRange = readRange(inputs.dRange, 'd-range', LANDSCAPE_DEFAULTS.dRange, t);
  const list = readModels(inputs.models, t);
  const loss = lossFunction(law);
  const k = LANDSCAPE_DEFAULTS.flopsPerToken;
  // The FLOPs at the map's corners bound the decade loop below and the iso-FLOP lines: both must be finite and positive.
  const c0 = Math.log(k * nRange[0] * dRange[0]), c1 = Math.log(k * nRange[1] * dRange[1]);
  if (!(Number.isFinite(c0) && Number.isFinite(c1))) {
    throw new AttributeError(inputs.dRange === undefined || inputs.dRange === '' ? 'n-range' : 'd-range', t('errLandFlops', {
      n: nRange.map(short).join(', '), d: dRange.map(short).join(', '), c0: short(k * nRange[0] * dRange[0]), c1: short(k * nRange[1] * dRange[1]),
    }));
  }

  const t0 = performance.now();
  const nx = LANDSCAPE_DEFAULTS.grid, ny = LANDSCAPE_DEFAULTS.grid;
  const values = new Float64Array(nx * ny);
  const [a0, a1] = nRange.map(Math.log), [b0, b1] = dRange.map(Math.log);
  const Ns = Float64Array.from({ length: nx }, (_, i) => Math.exp(a0 + ((a1 - a0) * (i + 0.5)) / nx));
  const Ds = Float64Array.from({ length: ny }, (_, j) => Math.exp(b0 + ((b1 - b0) * (j + 0.5)) / ny));
  let lo = Infinity, hi = -Infinity;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = loss(Ns[i], Ds[j]);
      values[j * nx + i] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const t1 = performance.now();
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) throw new AttributeError('law', t('errLaw', { label: isolate(label), detail: `no finite loss range over the map (${lo}, ${hi})` }));
  const thresholds = lossThresholds(lo, hi, lossFloor(law));
  const bands = contours().size([nx, ny]).thresholds(thresholds)(values as unknown as number[]);
  const t2 = performance.now();

  const plan = (C: number): Allocation | undefined => {
    try { return optimalAllocation(law, C, { flopsPerToken: k }); } catch { return undefined; }
  };
  const m = LANDSCAPE_DEFAULTS.frontierSamples;
  const frontier = Array.from({ length: m }, (_, i) => plan(Math.exp(c0 + ((c1 - c0) * i) / (m - 1)))).filter((p): p is Allocation => !!p);
  const decades: Allocation[] = [];
  for (let e = Math.ceil(c0 / Math.LN10); e <= Math.floor(c1 / Math.LN10); e++) { const p = plan(Number(`1e${e}`)); if (p) decades.push(p); }
  const models = list.map((x) => ({ ...x, C: k * x.N * x.D, loss: loss(x.N, x.D), optimal: plan(k * x.N * x.D) }));
  return { law, label, loss, nRange, dRange, nx, ny, values, thresholds, bands, frontier, frontierDecades: decades, models, timings: { grid: t1 - t0, contours: t2 - t1 } };
}
