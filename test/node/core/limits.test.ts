// Issue 12: every size and count from outside has a stated limit (src/core/limits.ts),
// checked before the work it guards, and going over it is one short line naming
// the limit and what raises it. Before: `fit /dev/zero` grew to 16.8 GB and
// aborted, `bootstrap --resamples 1e9` was taken and killed at 23.5 GB, and an
// unclosed quote at the top of a large CSV printed the whole file as its error.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRuns } from '../../../src/core/runs.js';
import { fitSync } from '../../../src/core/fit.js';
import { bootstrap } from '../../../src/core/bootstrap-fit.js';
import { isoflop } from '../../../src/core/isoflop.js';
import { DataError, LimitError, OptionError } from '../../../src/errors.js';
import { LIMITS, clip, quote, quoteList } from '../../../src/core/limits.js';
import { demoRuns } from '../../../src/data/demo.js';

const LIMIT = { timeout: 120_000 };
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const chinchilla = fileURLToPath(new URL('../../fixtures/data/chinchilla-svg-extracted.csv', import.meta.url));
const main = join(repo, 'src/cli/main.ts');
const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-limits-'));
after(() => rmSync(tmp, { recursive: true, force: true })); // tens of megabytes of generated CSV
const cli = (args: string[], options: { stdin?: number | 'ignore' } = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    encoding: 'utf8', cwd: repo, timeout: 60_000, maxBuffer: 1 << 20, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });

/** Exit code 2 and one line on stderr, shorter than 300 characters, matching `pattern`. */
function oneShortLine(r: { status: number | null; signal?: NodeJS.Signals | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, `exit ${r.status} (signal ${r.signal}); stderr starts ${JSON.stringify(r.stderr.slice(0, 300))}`);
  assert.equal(r.stdout, '');
  assert.ok(r.stderr.endsWith('\n'), JSON.stringify(r.stderr.slice(-100)));
  const lines = r.stderr.slice(0, -1).split('\n');
  assert.equal(lines.length, 1, `${lines.length} lines on stderr`);
  assert.ok(r.stderr.length < 300, `stderr of ${r.stderr.length} characters: ${r.stderr.slice(0, 300)}`);
  assert.match(lines[0], pattern);
}

const row = (i: number) => `${1e7 * (1 + (i % 97))},${1e9 * (1 + (i % 89))},${(2 + (i % 13) / 10).toFixed(1)}`;
function csvOf(rows: number): string {
  const lines = new Array<string>(rows + 1);
  lines[0] = 'N,D,loss';
  for (let i = 0; i < rows; i++) lines[i + 1] = row(i);
  return `${lines.join('\n')}\n`;
}

test('fit /dev/zero ends at once: exit 2, one line naming the byte limit and --max-bytes', { ...LIMIT, skip: !existsSync('/dev/zero') }, () => {
  const t0 = performance.now();
  oneShortLine(cli(['fit', '/dev/zero']), /cannot read "\/dev\/zero": input too large: over 64 MiB, the limit; raise it with --max-bytes$/);
  oneShortLine(cli(['isoflop', '/dev/zero', '--max-bytes', '1000']), /over 1,000 bytes, the limit; raise it with --max-bytes$/);
  // Standard input from /dev/zero, through bootstrap: the same line.
  const zero = openSync('/dev/zero', 'r');
  try {
    oneShortLine(cli(['bootstrap', '-', '--resamples', '10'], { stdin: zero }), /cannot read standard input: input too large: over 64 MiB/);
  } finally {
    closeSync(zero);
  }
  assert.ok(performance.now() - t0 < 60_000);
});

test('an endless pipe on standard input ends promptly with one line', LIMIT, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'fit', '-', '--max-bytes', `${4 * 1024 * 1024}`], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (b) => (stdout += b));
  child.stderr.on('data', (b) => (stderr += b));
  child.stdin.on('error', () => { /* the reader stopped: EPIPE is the point */ });
  const chunk = Buffer.from(csvOf(20_000));
  let open = true;
  const pump = () => {
    while (open && child.stdin.write(chunk));
    if (open) child.stdin.once('drain', pump);
  };
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => ((open = false), resolve(code))));
  pump();
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const status = await exited;
  clearTimeout(timer);
  oneShortLine({ status, stdout, stderr }, /cannot read standard input: input too large: over 4 MiB, the limit; raise it with --max-bytes$/);
});

test('a 1,000,001-row CSV is refused naming the row limit; raising it reads them all', LIMIT, () => {
  const text = csvOf(1_000_001);
  const big = join(tmp, 'rows-1000001.csv');
  writeFileSync(big, text);
  oneShortLine(cli(['fit', big]), /too many rows: more than 1,000,000, the limit; raise it with --max-rows$/);
  oneShortLine(cli(['isoflop', big]), /--max-rows$/);
  assert.throws(() => readRuns(text), (e: unknown) => {
    assert.ok(e instanceof LimitError && e instanceof DataError, String(e));
    assert.equal(e.code, 'too-large');
    assert.equal(e.limit, 'maxRows');
    assert.equal(e.max, LIMITS.maxRows);
    assert.equal(e.message, 'too many rows: more than 1,000,000, the limit; raise it with the maxRows option');
    return true;
  });
  assert.equal(readRuns(text, { maxRows: 1_000_001 }).N.length, 1_000_001);
  assert.equal(readRuns(text, { maxRows: Infinity }).N.length, 1_000_001);
  // The same through the command, on a file small enough to fit quickly.
  const small = join(tmp, 'rows-12.csv');
  writeFileSync(small, csvOf(12));
  oneShortLine(cli(['fit', small, '--max-rows', '11']), /more than 11, the limit; raise it with --max-rows$/);
  const ok = cli(['fit', small, '--max-rows', '12', '--json', '--workers', '0']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).runs, 12);
  // Rows of every input shape count: row objects, arrays, JSON text; the byte limit for text.
  const objects = Array.from({ length: 5 }, (_, i) => ({ N: 1e8 + i, D: 2e9, loss: 3 }));
  assert.throws(() => readRuns(objects, { maxRows: 4 }), LimitError);
  assert.throws(() => readRuns({ N: [1, 2, 3], D: [1, 2, 3], loss: [1, 2, 3] }, { maxRows: 2 }), LimitError);
  assert.throws(() => readRuns(JSON.stringify(objects), { maxRows: 4 }), LimitError);
  assert.equal(readRuns(JSON.stringify(objects), { maxRows: 5 }).N.length, 5);
  assert.throws(() => readRuns(csvOf(3), { maxBytes: 20 }), (e: unknown) => e instanceof LimitError && e.limit === 'maxBytes' && /over 20 bytes.*maxBytes option/.test(e.message));
  assert.throws(() => readRuns('N,D,loss\n1,2,3\n', { maxBytes: 14 }), LimitError); // 15 bytes
  assert.equal(readRuns('N,D,loss\n1,2,3\n', { maxBytes: 15 }).N.length, 1);
  assert.throws(() => readRuns('N,D,lossé\n1,2,3\n', { maxBytes: 15 }), LimitError); // 15 characters, 16 bytes: é takes two
  for (const bad of [0, -1, 1.5, NaN, '10']) {
    assert.throws(() => readRuns(csvOf(3), { maxRows: bad as never }), (e: unknown) => e instanceof OptionError && e.option === 'maxRows');
    assert.throws(() => readRuns(csvOf(3), { maxBytes: bad as never }), (e: unknown) => e instanceof OptionError && e.option === 'maxBytes');
  }
  oneShortLine(cli(['fit', small, '--max-rows', '0']), /option --max-rows: expected a whole number of rows ≥ 1, got "0"/);
});

test('an unclosed quote in a 5 MB CSV is one short line, wherever it is', LIMIT, () => {
  const body = csvOf(250_000).split('\n').slice(1).join('\n');
  assert.ok(body.length > 5e6);
  const cases: [string, string, RegExp][] = [
    ['first-row.csv', `N,D,loss\n"${body}`, /unclosed quote: the field opened by the quote on line 2 runs to the end of the input$/],
    ['header.csv', `"N,D,loss\n${body}`, /unclosed quote: .* on line 1 /],
    ['last-column.csv', `N,D,"loss\n${body}`, /unclosed quote: .* on line 1 /],
    ['late.csv', `N,D,loss\n${body.slice(0, 1000)}\n1e9,2e10,"3\n${body}`, /unclosed quote: .* on line \d+ /],
  ];
  for (const [name, text, pattern] of cases) oneShortLine(cli(['fit', (writeFileSync(join(tmp, name), text), join(tmp, name))]), pattern);
  // A closed quoted field that spans lines is data, not an unclosed quote.
  assert.throws(() => readRuns('N,D,loss\n1,2,"3\n4"\n'), /line 2, column "loss": expected a positive finite number, got "3\\n4"$/);
  // Any cell or column name in a message is cut to 80 characters.
  const long = 'x'.repeat(5_000_000);
  for (const input of [`N,D,loss\n1,2,${long}\n`, `N,D,${long}\n1,2,3\n`, [{ N: 1, D: 2, loss: long }]]) {
    assert.throws(() => readRuns(input), (e: unknown) => e instanceof DataError && e.message.length < 300);
  }
  assert.throws(() => readRuns(`N,D,loss\n1,2,3\n`, { weights: long }), (e: unknown) => e instanceof OptionError && e.message.length < 300);
  assert.throws(() => readRuns(`N,D,loss\n1,2,3\n`, { columns: { N: long } }), (e: unknown) => e instanceof OptionError && e.message.length < 300);
  const manyColumns = `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(99_999)}1\n`;
  assert.throws(() => readRuns(manyColumns), (e: unknown) => e instanceof DataError && e.message.length < 400 && /… \(100,000 in all\)/.test(e.message));
  oneShortLine(cli(['fit', join(tmp, 'x'.repeat(100))]), /cannot read "[^"]{70,}…": no such file$/);
  oneShortLine(cli(['fit', join(tmp, 'x'.repeat(5000))]), /cannot read "[^"]{70,}…": ENAMETOOLONG: name too long$/);
  oneShortLine(cli(['fit', '--form', long.slice(0, 100_000)]), /option --form: expected one of .*, got "x{10,}…"$/);
});

test('the quoting helper: at most 80 characters of input, escaped, then …', () => {
  assert.equal(quote('N'), '"N"');
  assert.equal(quote('a"b\\c\nd'), '"a\\"b\\\\c\\nd"');
  assert.equal(quote('x'.repeat(200)), `"${'x'.repeat(80)}…"`);
  assert.equal(clip('\u0000'.repeat(100)).length, 6 * 13 + 1); // escapes count towards the 80
  assert.equal(clip('😀'.repeat(100), 5), '😀😀…'); // never half a surrogate pair
  assert.equal(quoteList(['a', 'b']), '"a", "b"');
  assert.match(quoteList(Array.from({ length: 50 }, (_, i) => `column ${i}`)), /^"column 0", .*, … \(50 in all\)$/);
});

test('bootstrap: 1e9 resamples are refused before the runs are read or anything fitted', LIMIT, async () => {
  // The flag is checked before the file is opened: a missing file is not what the line is about.
  const t0 = performance.now();
  oneShortLine(cli(['bootstrap', join(tmp, 'no-such-file.csv'), '--resamples', '1e9']),
    /option --resamples: expected a whole number from 1 to 100,000 \(a fixed limit\), got "1e9"$/);
  oneShortLine(cli(['bootstrap', chinchilla, '--resamples', '100001']), /from 1 to 100,000/);
  oneShortLine(cli(['bootstrap', join(tmp, 'no-such-file.csv'), '--budgets', Array(101).fill('1e21').join(',')]), /option --budgets: at most 100 values \(a fixed limit\), got 101$/);
  assert.ok(performance.now() - t0 < 30_000);
  // The API: input that would fail when read shows the count is checked first.
  let progress = 0;
  const refused = (option: string, pattern: RegExp) => (e: unknown) => {
    assert.ok(e instanceof OptionError, String(e));
    assert.equal(e.option, option);
    assert.match(e.message, pattern);
    return true;
  };
  await assert.rejects(bootstrap('not,a,csv\n', { resamples: 1e9, onProgress: () => progress++ }), refused('resamples', /from 1 to 100,000 \(a fixed limit\): 1000000000$/));
  await assert.rejects(bootstrap('not,a,csv\n', { resamples: 2 ** 31 - 1 }), refused('resamples', /100,000/));
  await assert.rejects(bootstrap('not,a,csv\n', { batchSize: 1e9 }), refused('batchSize', /100,000/));
  await assert.rejects(bootstrap('not,a,csv\n', { budgets: Array(101).fill(1e21) }), refused('budgets', /at most 100 budgets \(a fixed limit\): 101 given$/));
  await assert.rejects(bootstrap('not,a,csv\n', { at: Array(101).fill({ N: 1e9, D: 1e10 }) }), refused('at', /at most 100 points/));
  assert.equal(progress, 0);
});

test('fit: more than 100,000 starting points are refused before any is used', LIMIT, () => {
  const runs = demoRuns();
  const theta = { a: 6, b: 6, e: 0.5, alpha: 0.3, beta: 0.3 };
  // The last start is malformed: without the limit, it would be what the error is about.
  const starts = [...Array.from({ length: LIMITS.starts }, () => theta), {} as typeof theta];
  assert.throws(() => fitSync(runs, { starts, engine: 'js', workers: 0 }), (e: unknown) => {
    assert.ok(e instanceof OptionError, String(e));
    assert.equal(e.option, 'starts');
    assert.equal(e.message, 'invalid starts; at most 100,000 starting points (a fixed limit): 100,001 given');
    return true;
  });
  assert.throws(() => fitSync(runs, { form: 'broken', breaks: 9 }), (e: unknown) => e instanceof OptionError && e.option === 'breaks' && /at most 8 .*fixed limit/.test(e.message));
  // Within the limit, starts still work.
  assert.equal(fitSync(runs, { starts: [theta], engine: 'js', workers: 0 }).starts.total, 1);
});

test('isoflop: more than 100 budgets are refused, the list is not walked', () => {
  const budgets = Array.from({ length: 101 }, (_, i) => 1e18 * (i + 1));
  assert.throws(() => isoflop(demoRuns(), { budgets }), (e: unknown) => e instanceof OptionError && e.option === 'budgets' && /at most 100 budgets/.test(e.message));
});
