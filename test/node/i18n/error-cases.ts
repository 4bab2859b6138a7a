// What the error-words tests of every area share (error-words-*.test.ts and
// errors.test.ts): getting the error a case raises, and the two tests each
// area's table gets: its Chinese words name the same placeholders as its
// English, and each key, raised, renders as its message in English and as
// Chinese without an English sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeError, type ErrorKey } from '../../../src/i18n/errors.js';
import { ERRORS } from '../../../src/i18n/error-words/index.js';
import { ScalingKitError, type ErrorMessageDetail } from '../../../src/errors.js';

/** An error's words: its English message and the key and values it was worded from. */
export interface Worded {
  readonly message: string;
  readonly detail?: ErrorMessageDetail;
}

function kitError(e: unknown): ScalingKitError {
  assert.ok(e instanceof ScalingKitError, `not a ScalingKitError: ${String(e)}`);
  return e;
}

/** The ScalingKitError `f` throws, or its promise rejects with; fails if it returns. */
export async function thrown(f: () => unknown): Promise<ScalingKitError> {
  try {
    await f();
  } catch (e) {
    return kitError(e);
  }
  assert.fail('nothing thrown');
}

/** The ScalingKitError `f` throws there and then (not through a promise); fails if it returns. */
export function thrownSync(f: () => unknown): ScalingKitError {
  try {
    f();
  } catch (e) {
    return kitError(e);
  }
  assert.fail('nothing thrown');
}

/** What `f` raised: the ScalingKitError thrown, or a value worded like one (isoflop's rejected budget: `message` and `detail`). */
export async function raised(f: () => unknown): Promise<Worded> {
  let value: unknown;
  try {
    value = await f();
  } catch (e) {
    return kitError(e);
  }
  assert.ok(value !== null && typeof value === 'object' && 'detail' in value && 'message' in value, 'nothing thrown');
  return value as Worded;
}

/** The placeholder names of a template (`{name}`), each once, sorted. */
export const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Chinese words: some Chinese, and no run of three English words once `bare` has taken out what may be English (by default quoted values). */
function assertChinese(zh: string, bare = zh.replace(/"(?:[^"\\]|\\.)*"/g, '')): void {
  assert.match(zh, /[\u4e00-\u9fff]/, zh);
  assert.doesNotMatch(bare, /\b[a-z]+ [a-z]+ [a-z]+\b/i, zh);
}

export interface SamePlaceholdersOptions {
  /** Also: every brace in the English is a placeholder (src/errors.ts `Names` would read `{x y}` as literal text). */
  readonly onlyPlaceholderBraces?: boolean;
}

/**
 * Registers one test of an area's tables: the same keys in both; each key's
 * English and Chinese are the core's templates (ERRORS), the Chinese not empty,
 * Chinese, without an English sentence, and naming the same placeholders.
 */
export function testSamePlaceholders<K extends ErrorKey>(
  EN: { readonly [Q in K]: string },
  ZH: { readonly [Q in K]: string },
  options: SamePlaceholdersOptions = {},
): void {
  test('the English words are the core templates, and every key has Chinese words with the same placeholders', () => {
    assert.deepEqual(Object.keys(ZH).sort(), Object.keys(EN).sort());
    for (const key of Object.keys(EN) as K[]) {
      assert.equal(ERRORS.en[key], EN[key], `${key}: English`);
      assert.equal(ERRORS.zh[key], ZH[key], `${key}: Chinese`);
      assert.ok(ZH[key]?.length, key);
      assert.deepEqual(placeholders(ZH[key]), placeholders(EN[key]), `${key}: placeholders`);
      assertChinese(ZH[key]);
      if (options.onlyPlaceholderBraces) assert.doesNotMatch(EN[key], /\{[^}]*[^\w}][^}]*\}/, `${key}: a brace that is not a placeholder`);
    }
  });
}

export interface EachKeyOptions {
  /** A further check of what each case raised (such as its class). */
  readonly also?: (e: Worded, key: string) => void;
  /** Keys whose last value, after "：", is another program's own text (a JSON parser's): not checked for English. */
  readonly foreignValue?: readonly string[];
}

/**
 * Registers a test per case: the key it raises is its own, with its detail;
 * the English rendering is the message; the Chinese differs from it, is
 * Chinese, and has no run of three English words outside quoted values.
 */
export function testEachKeyWorded(
  cases: { readonly [key: string]: (() => unknown) | undefined },
  get: (f: () => unknown) => Worded | Promise<Worded> = thrown,
  options: EachKeyOptions = {},
): void {
  for (const [key, f] of Object.entries(cases)) {
    test(`${key}: thrown with its detail; English rendering is the message; Chinese has no English sentence`, async () => {
      const e = await get(f as () => unknown);
      assert.equal(e.detail?.key, key, e.message);
      options.also?.(e, key);
      assert.equal(describeError(e, 'en'), e.message);
      const zh = describeError(e, 'zh');
      assert.notEqual(zh, e.message);
      const bare = zh.replace(/"(?:[^"\\]|\\.)*"/g, '');
      assertChinese(zh, options.foreignValue?.includes(key) ? bare.replace(/：.*$/, '') : bare);
    });
  }
}
