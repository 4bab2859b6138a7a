/**
 * The calculator's numbers as people read them: 72.3B parameters, 1.33T
 * tokens, 18.4 tokens per parameter, 5.76×10²³ FLOPs, $1.21M, 340 MWh,
 * 163 t CO₂e, with three significant digits. Full precision goes in `title`
 * attributes and exports (`String(x)`, the shortest round-trip form).
 * `flopsText` is the compact, exact form of the text field and the URL hash (5.76e23).
 * The figures are the shared formatters' (src/format/numbers.ts, which the CLI
 * prints with too), with "—" for a value that is missing or not finite.
 */

import { countText, emissionsText, energyText, moneyText, percentText, powerText, sig } from '../../format/numbers.js';

const dash = '—';
const ok = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Counts with SI suffixes: 7.23e10 → "72.3B". */
export const formatCountText = (x: number | undefined, digits = 3): string => (ok(x) ? countText(x, digits) : dash);

/** FLOPs as a power of ten: 5.76e23 → "5.76×10²³". */
export const formatFlopsText = (x: number | undefined, digits = 3): string => (ok(x) ? powerText(x, digits) : dash);

/** A plain number with `digits` significant digits: 18.4, 1.974. */
export const formatPlain = (x: number | undefined, digits = 3): string => (ok(x) ? sig(x, digits) : dash);

/** A fraction as a percentage: 0.2861 → "28.6%". */
export const formatPercent = (x: number | undefined): string => (ok(x) ? percentText(x) : dash);

/** Dollars: 808570 → "$809K", 1.21e6 → "$1.21M". */
export const formatMoney = (dollars: number | undefined): string => (ok(dollars) ? moneyText(dollars) : dash);

/** Energy from kWh: 339600 → "340 MWh". */
export const formatEnergy = (kWh: number | undefined): string => (ok(kWh) ? energyText(kWh) : dash);

/** Emissions from kg: 163008 → "163 t CO₂e". */
export const formatEmissions = (kg: number | undefined): string => (ok(kg) ? emissionsText(kg) : dash);

/** Full precision for `title` attributes and exports. */
export const fullText = (x: number | undefined): string => (ok(x) ? String(x) : '');

/** Compact, typeable FLOPs that round-trip exactly: 5.76e23, 1e24, 3.7985e25. */
export const flopsText = (x: number): string => (ok(x) ? x.toExponential().replace('e+', 'e') : '');

/** The slider's value, log10 C, rounded to the slider step; and C from it with 3 significant digits. */
export const sliderValue = (C: number): number => Math.round(Math.log10(C) * 100) / 100;
export const flopsFromSlider = (v: number): number => Number((10 ** v).toPrecision(3));
