// The words of the engine and the statistics: each error key raised here with
// its detail, and each console notice said, through the smallest function
// that raises it. The engine's errors are invariants a fit never meets (a
// worker or an engine asked to fit before it holds runs, no worker support,
// a worker that dies without a message), and the statistics' are checks of
// arguments that core validates first in its own words, so these cases call
// the engine and stats functions themselves. The WebAssembly cases come last:
// they leave this process's compiled-module cache empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EN, ZH } from '../../../src/i18n/error-words/engine.js';
import { EN as COMMON_EN } from '../../../src/i18n/error-words/common.js';
import { JsEngine } from '../../../src/engine/js/multistart.js';
import { createEngine } from '../../../src/engine/select.js';
import { workerMain, type WorkerPort } from '../../../src/engine/worker-main.js';
import { WasmKernel } from '../../../src/engine/wasm-kernel.js';
import { replyError } from '../../../src/engine/pool.js';
import { forgetWorkerRefusal, startWorker } from '../../../src/engine/worker-source.js';
import { correlationMatrix, percentileInterval, percentileOfSorted } from '../../../src/stats/intervals.js';
import { mt19937, mt19937FromArray } from '../../../src/stats/mt19937.js';
import { createResampler, indicesToWeights, numpyChoiceIndices } from '../../../src/stats/resample.js';
import { testEachKeyWorded, testSamePlaceholders, thrown } from './error-cases.js';

/** Shared keys this area raises may have cases here too (every one has its own in error-words-common.test.ts). */
type CommonKey = keyof typeof COMMON_EN;

type EngineKey = keyof typeof EN;
type NoticeKey = Extract<EngineKey, `notice-${string}`>;
type ErrorKey = Exclude<EngineKey, NoticeKey>;

/** Runs `f` with `globalThis[name]` set to `value` (undefined: removed), then puts it back. */
function withGlobal<T>(target: object, name: string, value: unknown, f: () => T): T {
  const had = Object.hasOwn(target, name), old = (target as Record<string, unknown>)[name];
  if (value === undefined) delete (target as Record<string, unknown>)[name];
  else (target as Record<string, unknown>)[name] = value;
  try {
    return f();
  } finally {
    if (had) (target as Record<string, unknown>)[name] = old;
    else delete (target as Record<string, unknown>)[name];
  }
}

/** The worker's own body with a port of our own: its error reply, as the pool turns it into an Error. */
function workerReply(request: unknown): never {
  const replies: { key?: 'worker-no-data'; message?: string }[] = [];
  let handler!: (message: unknown) => void;
  const port: WorkerPort = { post: (m) => replies.push(m as (typeof replies)[number]), listen: (h) => (handler = h) };
  workerMain(WasmKernel, port);
  handler(request);
  assert.equal(replies.length, 1);
  throw replyError(replies[0]);
}

/** A page's Worker that fails without a message, as a policy refusal may: what the pool's error handler receives. */
function browserWorkerFailure(): never {
  let made: { onerror: ((e: { message: string; preventDefault(): void }) => void) | null } | undefined;
  class FakeWorker {
    onmessage = null;
    onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
    constructor() { made = this; }
    postMessage() {}
    terminate() {}
  }
  let failure: Error | undefined;
  withGlobal(globalThis, 'Worker', FakeWorker, () => startWorker().onError((e) => (failure = e)));
  made!.onerror!({ message: '', preventDefault() {} });
  throw failure;
}

const wasm = globalThis.WebAssembly;

// One call per key that raises it; typed so a new key without a case does not compile.
const ERROR_CASES: { [K in ErrorKey]: () => unknown } & { [K in CommonKey]?: () => unknown } = {
  'engine-no-data': () => new JsEngine().objective({} as never, new Float64Array(5), new Float64Array(5)),
  'worker-no-data': () => workerReply({ type: 'starts', id: 1, spec: {}, starts: new Float64Array(5) }),
  'worker-failed': () => browserWorkerFailure(),
  'worker-unsupported': () => withGlobal(process, 'getBuiltinModule', undefined, () => startWorker()),
  'stats-percent': () => percentileOfSorted([1, 2], 101),
  'level-not-in-unit': () => percentileInterval([1, 2], 1),
  'stats-observations': () => correlationMatrix([[1, 2, 3], [1, 2]]),
  'rng-uint32': () => mt19937(-1),
  'rng-key-empty': () => mt19937FromArray([]),
  'option-integer-range': () => createResampler('numpy', 42, 0),
  'resample-rng': () => createResampler('mt' as never, 42, 10),
  'resample-out': () => createResampler('numpy', 42, 10)(new Int32Array(3)),
  'resample-too-many': () => numpyChoiceIndices(42, 10, 2 ** 20, 2 ** 12),
  // Never compiled in this process before, and refused now: as a page whose policy forbids compiling WebAssembly.
  'engine-build-unavailable': () => withGlobal(wasm, 'validate', () => false, () => createEngine('relaxed-simd')),
};

/** select.ts loaded afresh: the notice is said once per page (module), so each case needs its own. */
const freshSelect = (tag: string) => import(`../../../src/engine/select.js?${tag}`) as Promise<typeof import('../../../src/engine/select.js')>;

// The notice `auto` says when it falls back, printed after "scaling-kit: ".
const NOTICE_CASES: { [K in NoticeKey]: () => Promise<unknown> } = {
  'notice-wasm-refused': async () => {
    const { createEngine } = await freshSelect('refused');
    return withGlobal(wasm, 'validate', () => false, () => createEngine('auto'));
  },
  'notice-no-wasm': async () => {
    const { createEngine } = await freshSelect('none');
    return withGlobal(globalThis, 'WebAssembly', undefined, () => createEngine('auto'));
  },
};

async function said(f: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const info = console.info;
  console.info = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    const engine = await f();
    assert.equal((engine as { name: string }).name, 'js', 'the TypeScript engine');
  } finally {
    console.info = info;
  }
  return lines;
}

// Notices too: their English is what the console says, and they have Chinese words.
testSamePlaceholders(EN, ZH);

test('a worker with no runs still answers, in the worker source as it ships', () => {
  // workerMain runs from its own source text (worker-source.ts): it may name nothing outside itself.
  const body = workerMain.toString();
  assert.match(body, /worker-no-data/);
  assert.doesNotMatch(body, /kitError|optionError|EN_ERRORS/);
});

testEachKeyWorded(ERROR_CASES);

for (const [key, f] of Object.entries(NOTICE_CASES) as [NoticeKey, () => Promise<unknown>][]) {
  test(`${key}: said once on the console, in the table's English words`, async () => {
    assert.deepEqual(await said(f), [`scaling-kit: ${EN[key]}`]);
  });
}

test('messages are unchanged: the old sentences still come out', async () => {
  const message = async (key: ErrorKey | CommonKey) => (await thrown(ERROR_CASES[key]!)).message;
  assert.equal(await message('engine-no-data'), 'engine has no data: call setData first');
  assert.equal(await message('worker-no-data'), 'worker has no data');
  assert.equal(await message('worker-failed'), 'worker failed');
  assert.equal(await message('worker-unsupported'), 'no worker support in this environment');
  assert.equal(await message('stats-observations'), 'invalid samples[1]; expected 3 observations like samples[0]: 2');
  assert.equal(await message('rng-uint32'), 'invalid seed; expected an integer in [0, 2^32 - 1]: -1');
  assert.equal(await message('option-integer-range'), 'invalid n; expected an integer in [1, 2147483647]: 0');
  assert.equal(await message('resample-rng'), 'invalid rng; expected one of numpy, default: mt');
  assert.equal(await message('resample-too-many'), 'invalid count; size × count must stay below 2^31: 1048576 × 4096');
  assert.equal((await thrown(() => indicesToWeights([0, 5], 3))).message, 'invalid indices[1]; expected an integer in [0, 2]: 5');
  assert.equal((await thrown(() => indicesToWeights([0], 3, new Float64Array(2)))).message, 'invalid out; expected length 3: 2');
  assert.equal((await thrown(() => mt19937FromArray([1, 2 ** 32]))).message, 'invalid key[1]; expected an integer in [0, 2^32 - 1]: 4294967296');
  assert.equal(await message('engine-build-unavailable'), 'the relaxed-simd WebAssembly build cannot run here; use engine "auto" or "js"');
  forgetWorkerRefusal();
});
