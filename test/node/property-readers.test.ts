// Property-based tests of readRuns (fast-check): random CSV, TSV, semicolon
// and JSON text, row objects and column arrays — missing and duplicated
// columns, NaN, ±Infinity, negatives, zeros, 1e-300 and 1e300, one row, equal
// N, duplicate rows, BOM, CRLF, non-ASCII headers — and random reading
// options. Every case must end in validated Runs (every N, D, C and loss
// finite and positive) or a typed error naming its row/column/option; never
// another exception. Most of the suite's cases are here: reading is cheap.
//
// The seed is fixed per run: FC_SEED when set, a constant in CI, else the
// clock; it is printed, and fast-check's failure message repeats it with the
// shrunk counterexample's path. A failing seed becomes a regression test below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIMIT, SEED, check as checkProperty } from '../fixtures/property.js';
import { dsvFormat } from 'd3-dsv';
import { DataError, OptionError, ScalingKitError } from '../../src/errors.js';
import { readRuns, type ReadRunsOptions } from '../../src/core/runs.js';
import type { Runs } from '../../src/core/runs-types.js';

const check = <T>(name: string, property: fc.IProperty<T>, numRuns: number) => checkProperty(name, property, numRuns, tallyText);

// ---- generators --------------------------------------------------------------

const NAMES = [
  'N', 'params', 'Model Size', 'D', 'tokens', 'Training Tokens', 'C', 'flops', 'Training FLOP', 'loss', 'val loss', 'Loss',
  'U', 'unique tokens', 'weight', '', ' ', 'x', 'Параметры', '模型参数', 'naïve', 'loss_lo95', 'N_no_embed', 'D; tokens',
  'a,b', 'say "hi"', '<b>N</b>', '\u00a0N', 'ЛОСС', '🙂',
];
const SPECIAL = [
  'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '-inf', '-1', '-0', '0', '0.0', '1e-300', '1e300', '1e-400', '1e400', '1.7976931348623157e308',
  '5e-324', '', ' ', '1,5', '2.5 ', ' +3', '.5', '5.', '0x10', '1_000', 'abc', 'null', 'true', '<img src=x onerror=alert(1)>', '=1+1', '１２',
];
const positive = fc.double({ min: 1e-300, max: 1e300, noNaN: true, noDefaultInfinity: true });
const formatted = fc.tuple(positive, fc.constantFrom('str', 'exp', 'fixed', 'upper')).map(([x, how]) =>
  how === 'str' ? String(x) : how === 'exp' ? x.toExponential(6) : how === 'fixed' ? x.toFixed(3) : x.toExponential().toUpperCase());
const cell = fc.oneof({ weight: 14, arbitrary: formatted }, { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });

interface TextCase { header: string[]; rows: string[][]; delimiter: string; eol: string; bom: boolean; blank: boolean; trailing: boolean; quote: boolean }

/** A plausible header (N-ish, D- or C-ish, loss-ish, in any order), then a column dropped, duplicated or added. */
const header = fc.record({
  base: fc.tuple(fc.constantFrom(['D'], ['C'], ['D', 'C']), fc.subarray(['U', 'weight', 'note'])).chain(([dc, extra]) => fc.shuffledSubarray(['N', 'loss', ...dc, ...extra], { minLength: 2 + dc.length + extra.length })),
  aliases: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }),
  edit: fc.constantFrom('none', 'none', 'drop', 'duplicate', 'add', 'random'),
}).map(({ base, aliases, edit }) => {
  const h = [...base];
  if (edit === 'drop') h.splice(0, 1);
  if (edit === 'duplicate') h.push(h[0]);
  if (edit === 'add') h.push(...aliases);
  return edit === 'random' ? aliases : h;
});

const textCase: fc.Arbitrary<TextCase> = fc.record({
  header,
  width: fc.constantFrom(0, 0, 0, 0, -1, 1),
  rowCount: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 9, max: 60 }) }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  blank: fc.boolean(),
  trailing: fc.boolean(),
  quote: fc.boolean(),
  cells: fc.array(cell, { minLength: 0, maxLength: 8 * 61 }),
  duplicate: fc.boolean(),
}).map((r) => {
  const width = Math.max(0, r.header.length + r.width);
  let k = 0;
  const rows = Array.from({ length: r.rowCount }, () => Array.from({ length: width }, () => r.cells[k++ % Math.max(1, r.cells.length)] ?? '1'));
  if (r.duplicate && rows.length) rows.push([...rows[0]]);
  return { header: r.header, rows, delimiter: r.delimiter, eol: r.eol, bom: r.bom, blank: r.blank, trailing: r.trailing, quote: r.quote };
});

function toText(c: TextCase): string {
  const format = dsvFormat(c.delimiter);
  const line = (cells: string[]) => (c.quote ? format.formatRows([cells]) : cells.join(c.delimiter));
  const lines = [line(c.header), ...c.rows.map(line)];
  if (c.blank && lines.length > 1) lines.splice(1, 0, '');
  return `${c.bom ? '\ufeff' : ''}${lines.join(c.eol)}${c.trailing ? c.eol : ''}`;
}

/** Valid runs: every value positive and finite, written so it reads back exactly. */
const validCase = fc.record({
  n: fc.integer({ min: 1, max: 40 }),
  values: fc.array(fc.tuple(positive, positive, positive), { minLength: 40, maxLength: 40 }),
  sameN: fc.boolean(),
  names: fc.constantFrom(['N', 'D', 'loss'], ['params', 'tokens', 'Loss'], ['Model Size', 'Training Tokens', 'val loss']),
  extra: fc.constantFrom([], ['Параметры'], ['模型', 'naïve']),
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
});

const goodOptions = fc.record({
  dropHighest: fc.integer({ min: 0, max: 4 }),
  minRuns: fc.integer({ min: 1, max: 6 }),
  columns: fc.constantFrom(undefined, { N: 'N' }, { loss: 'loss' }, { N: 'N', D: 'D', loss: 'loss' }, { C: 'C' }),
  weights: fc.constantFrom(undefined, 'weight'),
  unique: fc.constantFrom(undefined, 'U'),
}, { requiredKeys: [] }) as fc.Arbitrary<ReadRunsOptions>;
const badOptions = fc.record({
  dropHighest: fc.constantFrom(-1, 1.5, NaN, Infinity, '2', null),
  minRuns: fc.constantFrom(0, -3, 2.5, '3'),
  columns: fc.oneof(
    fc.record({ N: fc.constantFrom(...NAMES), loss: fc.constantFrom(...NAMES) }, { requiredKeys: [] }),
    fc.constantFrom({ Q: 'N' }, { N: '' }, { N: 5 }, null, 'N', { N: 'N', D: 'N' }),
  ),
  weights: fc.constantFrom('nope', 7),
  unique: fc.constantFrom('nope', {}),
}, { requiredKeys: [] }) as unknown as fc.Arbitrary<ReadRunsOptions>;
const readOptions: fc.Arbitrary<ReadRunsOptions | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: goodOptions }, { weight: 1, arbitrary: badOptions });

// ---- the oracle ---------------------------------------------------------------

const positiveFinite = (a: Float64Array | undefined, name: string) => {
  if (!a) return;
  for (let i = 0; i < a.length; i++) assert.ok(Number.isFinite(a[i]) && a[i] > 0, `${name}[${i}] = ${a[i]}`);
};

/** Runs as promised: equal lengths, every quantity finite and positive, rows increasing from 1. */
function assertRuns(r: Runs): void {
  const n = r.N.length;
  assert.ok(n >= 1);
  for (const a of [r.D, r.C, r.loss]) assert.equal(a.length, n);
  assert.equal(r.rows.length, n);
  positiveFinite(r.N, 'N'); positiveFinite(r.D, 'D'); positiveFinite(r.C, 'C'); positiveFinite(r.loss, 'loss');
  positiveFinite(r.U, 'U');
  if (r.weight) for (const w of r.weight) assert.ok(Number.isFinite(w) && w >= 0);
  for (let i = 0; i < n; i++) assert.ok(r.rows[i] >= 1 && (i === 0 || r.rows[i] > r.rows[i - 1]));
}

/** A typed error that names its culprit: row (or text line) and column for bad values, the option for options. */
function assertTyped(e: unknown, columns: readonly string[] | undefined): void {
  if (!(e instanceof ScalingKitError)) throw new Error(`not a ScalingKitError: ${(e as Error)?.stack ?? String(e)}`);
  assert.ok(e.message.length > 0 && !e.message.includes('undefined'), e.message);
  if (e instanceof OptionError) {
    assert.equal(e.code, 'bad-option');
    assert.ok(e.option.length > 0 && e.message.includes(e.option), `${e.option}: ${e.message}`);
    return;
  }
  assert.ok(e instanceof DataError, `${e.name}: ${e.message}`);
  if (e.code === 'bad-value') {
    assert.ok(Number.isInteger(e.row) && e.row! >= 1, `row ${e.row}: ${e.message}`);
    assert.ok(typeof e.column === 'string', e.message);
    // Delimited text names the text line (an integer ≥ the row + 1, for the header); other input the row.
    const where = e.line === undefined ? `row ${e.row}` : `line ${e.line}`;
    if (e.line !== undefined) assert.ok(Number.isInteger(e.line) && e.line >= e.row! + 1, `line ${e.line} for row ${e.row}`);
    assert.ok(e.message.includes(where) && e.message.includes(`"${e.column}"`), e.message);
    if (columns) assert.ok(columns.includes(e.column!), `column ${e.column} not among ${columns.join('|')}`);
  }
  if (e.column !== undefined && columns) assert.ok(columns.includes(e.column), `column ${e.column} not among ${columns.join('|')}`);
}

/** How the cases ended (printed with each property's summary, to show both paths are exercised). */
let tally: Record<string, number> = {};
const count = (k: string) => { tally[k] = (tally[k] ?? 0) + 1; };
const tallyText = () => { const t = Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', '); tally = {}; return t; };

function outcome(input: Parameters<typeof readRuns>[0], options: ReadRunsOptions | undefined, columns?: readonly string[]): Runs | undefined {
  try {
    const r = readRuns(input, options);
    assertRuns(r);
    count('runs');
    return r;
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    assertTyped(e, columns);
    count((e as ScalingKitError).code);
    return undefined;
  }
}

// ---- properties ---------------------------------------------------------------

test('random delimited text: validated runs or a typed error naming row, column or option', LIMIT, () => {
  check('csv', fc.property(textCase, readOptions, (c, options) => {
    // Unquoted names holding a delimiter or a quote split differently: check the named column only when quoted or plain.
    const plain = c.quote || c.header.every((h) => !/[,;\t"]/.test(h));
    outcome(toText(c), options, plain ? c.header.map((h) => h.trim()) : undefined);
  }), 10000);
});

test('valid delimited text (BOM, CRLF, ; and tab, non-ASCII extra columns, equal N) reads back exactly', LIMIT, () => {
  check('valid-csv', fc.property(validCase, (c) => {
    const rows = c.values.slice(0, c.n).map(([N, D, L]) => [c.sameN ? c.values[0][0] : N, D, L]);
    const header = [...c.names, ...c.extra];
    const lines = [header.join(c.delimiter), ...rows.map((r) => [...r.map(String), ...c.extra.map(() => 'x')].join(c.delimiter))];
    const text = `${c.bom ? '\ufeff' : ''}${lines.join(c.eol)}${c.eol}`;
    let runs: Runs;
    try {
      runs = readRuns(text);
    } catch (e) {
      // 6·N·D beyond double precision is the one way valid cells can fail: a typed error naming the row.
      assertTyped(e, header);
      assert.ok(rows.some(([N, D]) => !Number.isFinite(6 * N * D) || 6 * N * D === 0), (e as Error).message);
      return;
    }
    assertRuns(runs);
    assert.deepEqual(Array.from(runs.N), rows.map((r) => r[0]));
    assert.deepEqual(Array.from(runs.D), rows.map((r) => r[1]));
    assert.deepEqual(Array.from(runs.loss), rows.map((r) => r[2]));
    assert.deepEqual(Array.from(runs.rows), rows.map((_, i) => i + 1));
  }), 2000);
});

const jsonValue = fc.oneof(
  { weight: 40, arbitrary: positive },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, -0, NaN, Infinity, -Infinity, 1e-300, 1e300, 5e-324, Number.MAX_VALUE) },
  { weight: 1, arbitrary: fc.constantFrom('1e9', ' 2.5 ', 'NaN', '', null, true, false, undefined, [], {}, [1], { v: 1 }) },
);
const jsonKey = fc.constantFrom('N', 'D', 'C', 'loss', 'N', 'D', 'C', 'loss', 'tokens', 'params', 'val loss', 'U', 'weight', 'Параметры', '__proto__', 'constructor', 'toString', '');

test('random JSON text, row objects and column arrays: validated runs or a typed error', LIMIT, () => {
  const row = fc.oneof(
    fc.tuple(fc.record({ N: jsonValue, D: jsonValue, loss: jsonValue }, { requiredKeys: ['N', 'loss'] }), fc.dictionary(jsonKey, jsonValue, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })),
    fc.dictionary(jsonKey, jsonValue, { minKeys: 2, maxKeys: 6 }),
  );
  const rowObjects = fc.array(row, { minLength: 0, maxLength: 12 });
  const column = fc.oneof(
    fc.array(jsonValue, { maxLength: 10 }),
    fc.array(positive, { maxLength: 10 }).map((a) => Float64Array.from(a)),
    jsonValue,
  );
  const columnArrays = fc.oneof(
    fc.integer({ min: 1, max: 10 }).chain((n) => fc.record({
      N: fc.array(jsonValue, { minLength: n, maxLength: n }), C: fc.array(positive, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a)),
      loss: fc.array(jsonValue, { minLength: n, maxLength: n }),
    })),
    fc.dictionary(jsonKey, column, { maxKeys: 6 }),
  );
  const weird = fc.constantFrom<unknown>(null, undefined, 5, true, '', '   ', '[', '{', '[]', '{}', '[1,2]', '[[1]]', '{"N": 5}', 'null', '\ufeff[{}]', new Date(0), [null], [[]], Symbol.iterator);
  check('json', fc.property(fc.oneof(rowObjects, columnArrays, weird), fc.boolean(), readOptions, (input, asText, options) => {
    const text = asText && input !== undefined && typeof input !== 'symbol' ? JSON.stringify(input) : input;
    outcome((text ?? input) as Parameters<typeof readRuns>[0], options);
  }), 4000);
});

test('regression: D derived from C = 6ND that underflows to 0, or C = 6ND that overflows, is a data error naming the row and its line', LIMIT, () => {
  assert.throws(() => readRuns('N,C,loss\n1e9,6e18,2\n1e300,1e-300,2\n'), (e: unknown) =>
    e instanceof DataError && e.code === 'bad-value' && e.row === 2 && e.line === 3 && e.column === 'C' && /line 3/.test(e.message));
  assert.throws(() => readRuns('N,D,loss\n1e300,1e300,2\n'), (e: unknown) =>
    e instanceof DataError && e.code === 'bad-value' && e.row === 1 && e.line === 2 && e.column === 'D' && /line 2/.test(e.message));
  assert.throws(() => readRuns({ N: [1e300], D: [1e300], loss: [2] }), DataError);
  // At the edge of double precision, values that do fit are kept.
  const r = readRuns('N,D,loss\n1e150,1e150,2\n1e-150,1e-150,3\n');
  assert.deepEqual(Array.from(r.C), [6 * 1e150 * 1e150, 6 * 1e-150 * 1e-150]);
});

test('100,000 rows read, with the last row traced (npm run bench times it)', LIMIT, () => {
  const n = 100_000;
  const lines = ['N;D;loss'];
  for (let i = 0; i < n; i++) lines.push(`${1e6 * (1 + (i % 997))};${1e9 * (1 + (i % 991))};${2 + (i % 13) / 10}`);
  const runs = readRuns(`\ufeff${lines.join('\r\n')}\r\n`);
  assert.equal(runs.N.length, n);
  assert.equal(runs.rows[n - 1], n);
  lines[n] = `${1e6};NaN;2`;
  assert.throws(() => readRuns(lines.join('\n')), (e: unknown) => e instanceof DataError && e.row === n && e.column === 'D');
});
