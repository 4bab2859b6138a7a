// src/chart/scales.ts against d3-scale, which it replaces in the bundle: the same pixel for
// every value, the same value for every pixel, bit for bit, for log and linear scales over
// ascending and descending domains and ranges; NaN and null give undefined; nice domains and
// tick values match d3's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaleLinear, scaleLog } from 'd3-scale';
import { linearDomain, niceDomain, positionScale } from '../../../src/chart/scales.js';
import { linearTicks, logTicks } from '../../../src/chart/ticks.js';

/** A seeded generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const same = (a: number, b: number, what: string) => assert.ok(Object.is(a, b), `${what}: ${a} vs d3 ${b}`);

test('log scales map values and pixels exactly as d3 scaleLog, in both directions', () => {
  const r = random(1);
  for (let k = 0; k < 400; k++) {
    const lo = 10 ** (r() * 30 - 5), hi = lo * 10 ** (r() * 12 + 1e-3);
    const domain: [number, number] = r() < 0.2 ? [hi, lo] : [lo, hi];
    const range: [number, number] = r() < 0.5 ? [40 + r() * 10, 600 + r() * 300] : [400 + r() * 50, 10 + r() * 20];
    const ours = positionScale('log', domain, range);
    const d3 = scaleLog().domain(domain).range(range);
    for (let i = 0; i < 20; i++) {
      const v = lo * (hi / lo) ** (r() * 1.4 - 0.2);
      same(ours(v), d3(v), `x(${v}) over ${domain}`);
      const p = range[0] + (range[1] - range[0]) * (r() * 1.4 - 0.2);
      same(ours.invert(p), d3.invert(p), `invert(${p}) over ${domain}`);
    }
    for (const edge of [0, -1, Infinity]) same(ours(edge), d3(edge), `x(${edge})`);
    assert.deepEqual(ours.domain(), d3.domain());
    assert.deepEqual(ours.range(), d3.range());
  }
});

test('a negative log domain is reflected as d3 reflects it', () => {
  const ours = positionScale('log', [-1e6, -10], [0, 500]);
  const d3 = scaleLog().domain([-1e6, -10]).range([0, 500]);
  for (const v of [-1e7, -1e6, -3e4, -10, -1]) same(ours(v), d3(v), `x(${v})`);
  for (const p of [-20, 0, 123.4, 500]) same(ours.invert(p), d3.invert(p), `invert(${p})`);
});

test('linear scales map values and pixels exactly as d3 scaleLinear, zero-width domains included', () => {
  const r = random(2);
  for (let k = 0; k < 400; k++) {
    const a = (r() - 0.5) * 10 ** (r() * 6), b = k % 50 === 0 ? a : a + (r() - 0.3) * 10 ** (r() * 4);
    const range: [number, number] = r() < 0.5 ? [0, 300 + r() * 400] : [380 + r() * 40, 12];
    const ours = positionScale('linear', [a, b], range);
    const d3 = scaleLinear().domain([a, b]).range(range);
    for (let i = 0; i < 20; i++) {
      const v = a + (b - a || 1) * (r() * 1.4 - 0.2);
      same(ours(v), d3(v), `y(${v}) over [${a}, ${b}]`);
      const p = range[0] + (range[1] - range[0]) * r();
      same(ours.invert(p), d3.invert(p), `invert(${p})`);
    }
  }
});

test('NaN, null and strings behave as in d3: undefined for what is not a number, numbers coerced', () => {
  for (const type of ['log', 'linear'] as const) {
    const ours = positionScale(type, [1, 100], [0, 10]);
    const d3 = type === 'log' ? scaleLog().domain([1, 100]).range([0, 10]) : scaleLinear().domain([1, 100]).range([0, 10]);
    for (const v of [NaN, null, undefined, '10', 'x'] as unknown as number[]) assert.equal(ours(v), d3(v), `${type}(${v})`);
  }
});

test('nice domains, padded linear domains and tick values are d3\'s', () => {
  const r = random(3);
  for (let k = 0; k < 500; k++) {
    const a = (r() - 0.5) * 10 ** (r() * 8 - 3), b = a + (r() - 0.2) * 10 ** (r() * 6 - 3);
    const count = 1 + Math.floor(r() * 12);
    assert.deepEqual(niceDomain([a, b], count), scaleLinear().domain([a, b]).nice(count).domain(), `nice([${a}, ${b}], ${count})`);
    assert.deepEqual(niceDomain([a, b]), scaleLinear().domain([a, b]).nice().domain());
    const span = b - a || Math.abs(b) * 0.1 || 1;
    assert.deepEqual(linearDomain([a, b]), scaleLinear().domain([a - 0.05 * span, b + 0.05 * span]).nice().domain());
    assert.deepEqual(linearTicks([a, b], count), scaleLinear().domain([a, b]).ticks(count));
    const lo = 10 ** (r() * 20), hi = lo * 10 ** (r() * 0.99);
    assert.deepEqual(logTicks([lo, hi], 8).major, scaleLinear().domain([lo, hi]).ticks(6));
  }
  assert.deepEqual(niceDomain([0, 0]), scaleLinear().domain([0, 0]).nice().domain());
  assert.deepEqual(niceDomain([5, 5]), scaleLinear().domain([5, 5]).nice().domain());
  assert.deepEqual(niceDomain([3.2, 0.1]), scaleLinear().domain([3.2, 0.1]).nice().domain());
});

test("decimal tick labels are d3-format's .Nf with precisionFixed(step), minus sign and rounding to zero included", async () => {
  const { format, precisionFixed } = await import('d3-format');
  const { fixed, placesFor, formatDecimal } = await import('../../../src/chart/ticks.js');
  const r = random(4);
  const values = [0, -0, -0.0004, 0.0004, NaN, Infinity, -Infinity, 1e21, -2.5e22, 0.5, -0.5, 1.005, 2.675];
  for (let k = 0; k < 2000; k++) values.push((r() - 0.5) * 10 ** (r() * 10 - 4));
  const steps = [1e-25, 1e-7, 0.0025, 0.01, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 250, 1e6];
  for (let k = 0; k < 200; k++) steps.push(10 ** (r() * 12 - 8));
  for (const step of steps) {
    assert.equal(placesFor(step), precisionFixed(step), `placesFor(${step})`);
    const d3 = format(`.${precisionFixed(step)}f`);
    for (const x of values) {
      assert.equal(fixed(x, placesFor(step)), d3(x), `fixed(${x}, places of ${step})`);
      assert.equal(formatDecimal(x, step).text, d3(x));
    }
  }
});
