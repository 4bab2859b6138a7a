// The one number formatter (src/format/numbers.ts) that the chart, the
// elements and the CLI share: significant digits, SI suffixes, powers of ten
// and units, checked against expectations worked out by hand (rounding that
// carries into the next unit, negative values, zero, NaN and the infinities,
// tiny values); the old copies now re-export it; and the CLI's `cost` prints
// the very figures <scaling-calculator> shows for the same estimate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as numbers from '../../../src/format/numbers.js';
import {
  countText, emissionsText, energyText, fixed, formatCount, formatPower, moneyText, percentText, placesFor, powerText, sig,
} from '../../../src/format/numbers.js';
import * as ticks from '../../../src/chart/ticks.js';
import * as lawText from '../../../src/core/law-text.js';
import * as cliFormat from '../../../src/cli/format.js';
import { costCommand } from '../../../src/cli/cost-command.js';
import { budgetFigures } from '../../../src/elements/calculator/table.js';
import { formatEmissions, formatEnergy, formatMoney } from '../../../src/elements/calculator/format.js';
import { calculate, presetSources, CALC_DEFAULTS, type Scenario } from '../../../src/elements/calculator/model.js';
import { CALCULATOR, COMMON, joinTables, translator } from '../../../src/i18n/index.js';

const M = '\u2212'; // the minus sign of readable numbers

/** Each [input, expected] pair through `f`, named by its input in a failure. */
function cases<A extends unknown[]>(f: (...a: A) => string, table: readonly [A, string][]): void {
  for (const [args, want] of table) assert.equal(f(...args), want, `${f.name}(${args.map(String).join(', ')})`);
}

test('sig: the shortest decimal with so many significant digits, JavaScript\'s own minus and non-finite names', () => {
  cases(sig, [
    [[1.97396, 3], '1.97'], [[0.34731, 3], '0.347'], [[2.5, 3], '2.5'], [[123456789], '123456800'],
    [[9.9996, 4], '10'], [[999.96, 4], '1000'], [[-1.5, 3], '-1.5'], [[0, 3], '0'], [[-0, 3], '0'],
    [[1e-7, 3], '1e-7'], [[1.234e-5, 2], '0.000012'], [[1.23e21, 3], '1.23e+21'],
    [[NaN, 3], 'NaN'], [[Infinity, 3], 'Infinity'], [[-Infinity, 3], '-Infinity'],
  ]);
});

test('counts: K, M, B, T after rounding, so 999.96 carries into the next unit; powers from 10^15 and below 10^-3', () => {
  cases(countText, [
    [[7.23e10], '72.3B'], [[1.33e12], '1.33T'], [[404_000], '404K'], [[500], '500'], [[1e9], '1B'], [[2.5e10], '25B'],
    [[999.4], '999'], [[999.96], '1K'], [[999.96, 5], '999.96'], [[999_960], '1M'], [[999.96e6], '1B'], [[999.96e9], '1T'],
    [[999.96e12], '10¹⁵'], [[1e15], '10¹⁵'], [[3e16], '3×10¹⁶'], [[72_360_000_000, 4], '72.36B'], [[1.2345e12, 4], '1.235T'],
    [[0], '0'], [[-0], '0'], [[0.5], '0.5'], [[0.001], '0.001'], [[0.000999], '9.99×10⁻⁴'], [[-0.0004], `${M}4×10⁻⁴`],
    [[-2.5e9], `${M}2.5B`], [[-999.96], `${M}1K`], [[-12], `${M}12`], [[-3e16], `${M}3×10¹⁶`],
    [[NaN], 'NaN'], [[Infinity], '∞'], [[-Infinity], `${M}∞`],
  ]);
  assert.deepEqual(formatCount(1e15), { text: '10', sup: '15' });
  assert.deepEqual(formatCount(3e16), { text: '3×10', sup: '16' });
  assert.deepEqual(formatCount(2e10), { text: '20B' });
});

test('powers of ten: m×10^k with m rounded (9.999e21 → 10^22), a true minus, subnormals and the largest double', () => {
  cases(powerText, [
    [[5.76e23], '5.76×10²³'], [[1e21], '10²¹'], [[3e21], '3×10²¹'], [[9.999e21], '10²²'], [[9.994e21], '9.99×10²¹'],
    [[1.23456e25, 5], '1.2346×10²⁵'], [[1.7e20, 4], '1.7×10²⁰'], [[1e-3], '10⁻³'], [[2.5e-7], '2.5×10⁻⁷'],
    [[-3e21], `${M}3×10²¹`], [[-1e-3], `${M}10⁻³`], [[0], '0'], [[-0], '0'],
    [[5e-324], '4.94×10⁻³²⁴'], [[Number.MAX_VALUE], '1.8×10³⁰⁸'],
    // Exact halves (21.5, 0.125 and 8.35e15 are doubles exactly) round up, as sig and the SI forms do.
    [[21.5, 2], '2.2×10¹'], [[0.125, 2], '1.3×10⁻¹'], [[8.35e15, 2], '8.4×10¹⁵'],
    [[NaN], 'NaN'], [[Infinity], '∞'], [[-Infinity], `${M}∞`],
  ]);
  assert.deepEqual(formatPower(1e-3), { text: '10', sup: `${M}3` });
  assert.equal(countText(21.5, 2), '22');
  assert.equal(countText(8.35e15, 2), '8.4×10¹⁵');
  assert.deepEqual(formatPower(5.76e23), { text: '5.76×10', sup: '23' });
});

test('dollars, energy from kWh and emissions from kg: the unit after rounding, the base unit for what is left', () => {
  cases(moneyText, [
    [[808_570], '$809K'], [[1.21e6], '$1.21M'], [[5.334e7], '$53.3M'], [[999.96], '$1K'], [[999_600], '$1M'], [[2e13], '$20T'],
    [[2e15], '$2000T'], [[12], '$12'], [[0.5], '$0.5'], [[0], '$0'], [[-5000], `${M}$5K`],
    [[NaN], '$NaN'], [[Infinity], '$∞'], [[-Infinity], `${M}$∞`],
  ]);
  cases(energyText, [
    [[339_600], '340 MWh'], [[2.24e7], '22.4 GWh'], [[1.5e9], '1.5 TWh'], [[1.5e12], '1500 TWh'], [[999], '999 kWh'],
    [[999.96], '1 MWh'], [[999_960], '1 GWh'], [[0.5], '0.5 kWh'], [[1e-9], '1e-9 kWh'], [[0], '0 kWh'], [[-2500], `${M}2.5 MWh`],
    [[NaN], 'NaN kWh'], [[Infinity], '∞ kWh'], [[-Infinity], `${M}∞ kWh`],
  ]);
  cases(emissionsText, [
    [[163_008], '163 t CO₂e'], [[1.0752e7], '10.8 kt CO₂e'], [[2e9], '2 Mt CO₂e'], [[500], '500 kg CO₂e'],
    [[999.96], '1 t CO₂e'], [[0], '0 kg CO₂e'], [[-1500], `${M}1.5 t CO₂e`], [[Infinity], '∞ kg CO₂e'],
  ]);
  cases(percentText, [[[0.2861], '28.6%'], [[0], '0%'], [[-0.05], '-5%'], [[0.99996], '100%']]);
});

test('fixed decimals and the places a step needs (d3-format\'s .Nf and precisionFixed)', () => {
  cases(fixed, [[[2, 1], '2.0'], [[-1.5, 1], `${M}1.5`], [[-0.001, 2], '0.00'], [[-0, 1], '0.0'], [[NaN, 2], 'NaN'], [[1, 30], '1.00000000000000000000']]);
  assert.deepEqual([0.25, 0.05, 20, 1].map(placesFor), [1, 2, 0, 0]);
});

test('one copy: the chart, the law text and the CLI re-export the shared functions', () => {
  assert.equal(lawText.sig, numbers.sig);
  assert.equal(cliFormat.sig, numbers.sig);
  for (const name of ['formatCount', 'formatPower', 'labelText', 'superscript', 'pow10', 'fixed', 'placesFor'] as const) {
    assert.equal(ticks[name], numbers[name], `chart/ticks.ts ${name}`);
  }
  // The CLI keeps four significant digits for N and D, in the page's suffixes.
  assert.equal(cliFormat.count(72_360_000_000), '72.36B');
  assert.equal(cliFormat.count(999_960), '1M');
  assert.equal(ticks.formatValue('count', 1.234e9), '1.234B');
});

test('the CLI\'s cost and <scaling-calculator> write the same estimate the same way', () => {
  const t = translator(joinTables(COMMON, CALCULATOR), 'en');
  const budgets: { C: number; gpu: 'h100' | 'a100'; gpus: number; mfu: number; price: number; want?: string[] }[] = [
    { C: 5.76e23, gpu: 'h100', gpus: 1024, mfu: 0.4, price: 2, want: ['404K', '16.5 days', '$809K', '340 MWh', '163 t CO₂e'] },
    { C: 3.8e25, gpu: 'h100', gpus: 16384, mfu: 0.4, price: 2, want: ['26.7M', '67.8 days', '$53.3M', '22.4 GWh', '10.8 kt CO₂e'] },
    { C: 1e22, gpu: 'a100', gpus: 8, mfu: 0.5, price: 1.5 },
    { C: 1e27, gpu: 'h100', gpus: 100000, mfu: 0.35, price: 2.5 },
  ];
  for (const b of budgets) {
    const scenario: Scenario = { ...CALC_DEFAULTS, mode: 'flops', C: b.C, laws: ['hoffmann2022'], hardware: `${b.gpu}-sxm`, gpus: b.gpus, mfu: b.mfu, price: b.price };
    const result = calculate(scenario, presetSources(scenario.laws, t), t);
    // [label, text, second line, full]: compute, GPU-hours, wall clock, cost, energy, emissions.
    const [, gpuHours, days, dollars, energy, emissions] = budgetFigures(result, t).map(([, text]) => text);
    if (b.want) assert.deepEqual([gpuHours, days, dollars, energy, emissions], b.want, `the page at C = ${b.C}`);
    assert.equal(dollars, formatMoney(result.budget.dollars));
    assert.equal(energy, formatEnergy(result.budget.kWh));
    assert.equal(emissions, formatEmissions(result.budget.co2eKg));
    const printed = costCommand(['--budget', String(b.C), '--gpu', b.gpu, '--gpus', String(b.gpus), '--mfu', String(b.mfu), '--price', String(b.price)]);
    const out = typeof printed === 'string' ? printed : printed.stdout;
    const lines = out.split('\n');
    assert.equal(lines[1], `  ${gpuHours} GPU-hours = ${days}; ${dollars} at $${b.price}/GPU-hour`, out);
    assert.equal(lines[2], `  ${energy} (PUE 1.2), ${emissions} at 0.48 kg CO₂e/kWh`, out);
  }
});
