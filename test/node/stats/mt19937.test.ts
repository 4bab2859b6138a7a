// MT19937 against the real numpy: words, doubles and bounded draws after
// numpy's legacy seeding, from test/fixtures/numpy-draws.json (made by
// scripts/fixtures/numpy_draws.py with numpy 2.4.6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mt19937, mt19937FromArray } from '../../../src/stats/mt19937.js';
import { OptionError } from '../../../src/errors.js';

interface Calls {
  seed: number;
  calls: { n: number; k: number; values: number[] }[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/numpy-draws.json', import.meta.url), 'utf8')) as {
  numpy: string;
  genrand: Record<string, number[]>;
  seed42At1240: number[];
  byArray: { key: number[]; first: number[] };
  randomSample: Record<string, number[]>;
  choice42: { n: number; size: number; count: number; nextRandomSample: number };
  choiceMixed: Calls & { nextRandomSample: number };
  lemire: Calls & { nextRaw: number };
};

const words = (seed: number, count: number, skip = 0) => {
  const mt = mt19937(seed);
  for (let i = 0; i < skip; i++) mt.nextUint32();
  return Array.from({ length: count }, () => mt.nextUint32());
};

test(`an integer seed gives numpy ${fixture.numpy}'s legacy words (init_genrand) for seeds 0, 1, 42, 5489, 2^32 - 1`, () => {
  for (const [seed, want] of Object.entries(fixture.genrand)) assert.deepEqual(words(Number(seed), want.length), want, `seed ${seed}`);
});

test("seed 5489 starts with 3499211612, the reference mt19937ar.c's first word for its default seed", () => {
  assert.equal(words(5489, 1)[0], 3499211612);
});

test('words 1240..1249 after seed 42 match numpy (two twists in)', () => {
  assert.deepEqual(words(42, 10, 1240), fixture.seed42At1240);
});

test('an array seed gives numpy\'s words (init_by_array), which are those of mt19937ar.out', () => {
  const mt = mt19937FromArray(fixture.byArray.key);
  assert.deepEqual(Array.from({ length: 10 }, () => mt.nextUint32()), fixture.byArray.first);
  assert.deepEqual(fixture.byArray.first.slice(0, 3), [1067595299, 955945823, 477289528]);
});

test('nextDouble is numpy\'s legacy random_sample, bit for bit', () => {
  for (const [seed, want] of Object.entries(fixture.randomSample)) {
    const mt = mt19937(Number(seed));
    assert.deepEqual(Array.from({ length: want.length }, () => mt.nextDouble()), want, `seed ${seed}`);
  }
});

test('nextMasked after seed 42 over 960,000 draws of [0, 239] leaves the stream where numpy leaves it', () => {
  const mt = mt19937(42);
  const { n, size, count, nextRandomSample } = fixture.choice42;
  for (let i = 0; i < size * count; i++) mt.nextMasked(n - 1);
  assert.equal(mt.nextDouble(), nextRandomSample);
});

test('nextMasked matches numpy choice(n) for n = 1 (no word drawn), 256, 257, 3e9, 2^32, 240, 2', () => {
  const mt = mt19937(fixture.choiceMixed.seed);
  for (const { n, k, values } of fixture.choiceMixed.calls) {
    assert.deepEqual(Array.from({ length: k }, () => mt.nextMasked(n - 1)), values, `choice(${n}, ${k})`);
  }
  assert.equal(mt.nextDouble(), fixture.choiceMixed.nextRandomSample);
});

test('nextLemire matches numpy Generator.integers on a legacy-seeded MT19937, both multiply paths', () => {
  const mt = mt19937(fixture.lemire.seed);
  for (const { n, k, values } of fixture.lemire.calls) {
    assert.deepEqual(Array.from({ length: k }, () => mt.nextLemire(n - 1)), values, `integers(0, ${n}, ${k})`);
  }
  assert.equal(mt.nextUint32(), fixture.lemire.nextRaw);
});

test('nextMasked and nextLemire draw every value of a small range about equally often', () => {
  for (const draw of ['nextMasked', 'nextLemire'] as const) {
    const mt = mt19937(1), counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[mt[draw](5)]++;
    for (const c of counts) assert.ok(Math.abs(c - 10000) < 400, `${draw}: ${counts}`);
  }
});

test('seeds and bounds outside numpy\'s ranges are refused with an OptionError naming them', () => {
  for (const seed of [-1, 2 ** 32, 1.5, NaN]) {
    assert.throws(() => mt19937(seed), (e: unknown) => e instanceof OptionError && e.option === 'seed', `seed ${seed}`);
  }
  assert.throws(() => mt19937FromArray([]), (e: unknown) => e instanceof OptionError && e.option === 'key');
  assert.throws(() => mt19937FromArray([1, -2]), (e: unknown) => e instanceof OptionError && e.option === 'key[1]');
  const mt = mt19937(0);
  for (const max of [-1, 2 ** 32, 0.5]) {
    assert.throws(() => mt.nextMasked(max), (e: unknown) => e instanceof OptionError && e.option === 'max');
    assert.throws(() => mt.nextLemire(max), (e: unknown) => e instanceof OptionError && e.option === 'max');
  }
});
