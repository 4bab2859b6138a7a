// readRuns and column recognition: the real datasets in test/fixtures/data, every
// input form, and every error with its code, row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { matchColumns, normalizeName } from '../../../src/core/columns.js';
import { DataError, OptionError } from '../../../src/errors.js';
import { readRuns, runsFromArrays } from '../../../src/core/runs.js';

const repoRoot = new URL('../../../', import.meta.url);
const dataDir = new URL('test/fixtures/data/', repoRoot);
const read = (name: string) => readFileSync(new URL(name, dataDir), 'utf8');

/** Raw CSV cells by splitting on commas: valid for these files (no quoted fields). */
function rawTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trim().split(/\r?\n/);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** Asserts `fn` throws a DataError with the given code, row and column. */
function throwsData(fn: () => unknown, code: string, row?: number, column?: string, message?: RegExp | string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DataError, `expected a DataError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.row, row);
    assert.equal(e.column, column);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  });
}

function throwsOption(fn: () => unknown, option: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof OptionError, `expected an OptionError, got ${String(e)}`);
    assert.equal(e.code, 'bad-option');
    assert.equal(e.option, option);
    assert.ok(e.message.includes(option));
    return true;
  });
}

const chinchilla = read('chinchilla-svg-extracted.csv');

test('readRuns reads all 245 Chinchilla runs and derives D = C/(6N)', () => {
  const runs = readRuns(chinchilla);
  assert.equal(runs.N.length, 245);
  assert.deepEqual({ ...runs.columns }, { N: 'Model Size', C: 'Training FLOP', loss: 'loss' });
  assert.equal(runs.derivedD, true);
  assert.deepEqual(Array.from(runs.rows), Array.from({ length: 245 }, (_, i) => i + 1));
  const { header, rows } = rawTable(chinchilla);
  const [n, c, l] = ['Model Size', 'Training FLOP', 'loss'].map((h) => Number(rows[0][header.indexOf(h)]));
  assert.equal(runs.N[0], n);
  assert.equal(runs.C[0], c);
  assert.equal(runs.loss[0], l);
  assert.ok(Math.abs(runs.D[0] - c / (6 * n)) <= 1e-15 * runs.D[0]);
  assert.ok(Math.abs(runs.D[0] - 245105957.92454) < 1e-3); // 9.9939e18 / (6 × 6.7956e9)
});

test('dropHighest: 5 keeps the 240 runs strictly below the 5th largest loss, rows intact', () => {
  const runs = readRuns(chinchilla, { dropHighest: 5 });
  assert.equal(runs.N.length, 240);
  const { header, rows } = rawTable(chinchilla);
  const losses = rows.map((r) => Number(r[header.indexOf('loss')]));
  const fifth = [...losses].sort((a, b) => b - a)[4];
  for (let i = 0; i < runs.N.length; i++) {
    assert.ok(runs.loss[i] < fifth);
    assert.equal(runs.loss[i], losses[runs.rows[i] - 1]);
    assert.equal(runs.N[i], Number(rows[runs.rows[i] - 1][header.indexOf('Model Size')]));
  }
});

test('dropHighest drops every run tied with the k-th largest loss', () => {
  // In the Chinchilla file the 6th and 7th largest losses are equal (3.4059279641864753).
  const runs = readRuns(chinchilla, { dropHighest: 6 });
  assert.equal(runs.N.length, 238);
  const tied = readRuns('N,D,loss\n1,1,5\n1,1,4\n1,1,4\n1,1,3\n', { dropHighest: 2 });
  assert.deepEqual(Array.from(tied.loss), [3]);
  assert.deepEqual(Array.from(tied.rows), [4]);
  assert.equal(readRuns(chinchilla, { dropHighest: 0 }).N.length, 245);
});

test('readRuns reads the kyo-takano subset with C, N, D and loss as given', () => {
  const runs = readRuns(read('kyotakano-chinchilla-subset.csv'));
  assert.equal(runs.N.length, 234);
  assert.deepEqual({ ...runs.columns }, { N: 'N', D: 'D', C: 'C', loss: 'loss' });
  assert.equal(runs.derivedD, false);
  const { rows } = rawTable(read('kyotakano-chinchilla-subset.csv'));
  assert.deepEqual([runs.C[0], runs.N[0], runs.D[0], runs.loss[0]], rows[0].map(Number));
});

test('readRuns recognises the Llama 3 digitisation header', () => {
  const runs = readRuns(read('llama3-isoflops-digitized.csv'));
  assert.equal(runs.N.length, 133);
  assert.deepEqual(
    { ...runs.columns },
    { N: 'N_derived_C_over_6D', D: 'training_tokens', C: 'compute_budget', loss: 'validation_loss' },
  );
  assert.equal(runs.C[0], 6e18);
  assert.ok(Math.abs(runs.N[0] - runs.C[0] / (6 * runs.D[0])) < 1e-6 * runs.N[0]);
});

test('other real headers map to the expected columns', () => {
  const header = (name: string) => read(name).split(/\r?\n/)[0].split(',');
  const pick = (m: ReturnType<typeof matchColumns>) => ({ N: m.N, D: m.D, C: m.C, loss: m.loss });
  assert.deepEqual(pick(matchColumns(header('openathena-isoflops-annotated.csv'))),
    { N: 'params', D: 'tokens', C: 'budget', loss: 'loss' });
  assert.deepEqual(pick(matchColumns(header('porian2024-isoflop-optima.csv'))),
    { N: 'N_opt', D: 'D_opt', C: 'flops', loss: 'loss_opt' });
  assert.deepEqual(pick(matchColumns(header('muennighoff2023-datablations-c4-fit182.csv'))),
    { N: 'N', D: 'D_total_tokens', C: 'C_6ND', loss: 'val_loss' });
  const gadre = matchColumns(header('gadre2024-overtraining-models.csv'));
  assert.deepEqual(pick(gadre), { N: 'N', D: 'D', C: 'C_6ND', loss: 'loss_openlm' });
  assert.ok(gadre.alternatives.loss.includes('loss_c4_val'));
  assert.ok(!gadre.alternatives.loss.includes('loss_openlm_tok_lo95'));
});

test('column names are matched ignoring case, spaces, underscores and punctuation', () => {
  const cases: [string, string][] = [
    ['model size', 'N'], ['MODEL_SIZE', 'N'], ['Model-Size', 'N'], ['n_params', 'N'], ['NumParams', 'N'],
    ['parameters', 'N'], ['size', 'N'], ['Training Tokens', 'D'], ['n_tokens', 'D'], ['data', 'D'],
    ['Training FLOP', 'C'], ['training_flops', 'C'], ['compute', 'C'], ['FLOPs', 'C'],
    ['L', 'loss'], ['Final Loss', 'loss'], ['val_loss', 'loss'], ['Validation loss', 'loss'], ['eval-loss', 'loss'],
  ];
  for (const [name, role] of cases) {
    const m = matchColumns(['id', name]) as unknown as Record<string, string | undefined>;
    assert.equal(m[role], name, `${name} → ${role}`);
  }
  assert.equal(normalizeName(' Model_Size (B) '), 'modelsizeb');
});

test('ambiguous columns: the best-ranked name wins and the others are reported', () => {
  const m = matchColumns(['val_loss', 'loss', 'params', 'N', 'tokens']);
  assert.equal(m.loss, 'loss');
  assert.equal(m.N, 'N');
  assert.deepEqual(m.alternatives.loss, ['val_loss']);
  assert.deepEqual(m.alternatives.N, ['params']);
  const runs = readRuns('val_loss,loss,params,N,tokens\n9,2,9,1e9,2e10\n');
  assert.deepEqual({ ...runs.columns }, { N: 'N', D: 'tokens', loss: 'loss' });
  assert.equal(runs.loss[0], 2);
  // Architecture columns are not mistaken for N or D.
  assert.deepEqual(matchColumns(['n_layers', 'd_model', 'batch_size', 'params', 'flops', 'loss']).D, undefined);
});

test('an explicit columns mapping overrides recognition', () => {
  const runs = readRuns('a,b,x,loss,val\n1e9,2e10,3,3.1,2.9\n', { columns: { N: 'a', D: 'b', loss: 'val' } });
  assert.deepEqual({ ...runs.columns }, { N: 'a', D: 'b', loss: 'val' });
  assert.equal(runs.loss[0], 2.9);
  assert.equal(readRuns('My N,D,loss\n5,6,7\n', { columns: { N: 'my_n' } }).N[0], 5);
  throwsOption(() => readRuns(chinchilla, { columns: { N: 'nope' } }), 'columns.N');
  throwsOption(() => readRuns(chinchilla, { columns: { X: 'loss' } as never }), 'columns.X');
  throwsOption(() => readRuns(chinchilla, { columns: { N: 'loss', loss: 'loss' } }), 'columns.loss');
});

test('C = 6ND when compute is not given', () => {
  const runs = readRuns('N,D,loss\n1e9,2e10,2.5\n');
  assert.equal(runs.C[0], 6 * 1e9 * 2e10);
  assert.equal(runs.columns.C, undefined);
  assert.equal(runs.derivedD, false);
});

test('delimited text: BOM, CRLF, semicolons, tabs, spaces, exponents, quotes and blank lines', () => {
  const expected = { N: [1e9, 2.5], D: [2e10, 3], loss: [2.5, 4] };
  const texts = [
    '\ufeffN,D,loss\n1e9,2e10,2.5\n2.5,3,4\n',
    'N,D,loss\r\n1e9,2e10,2.5\r\n2.5,3,4\r\n',
    'N;D;loss\n1e9;2e10;2.5\n2.5;3;4',
    'N\tD\tloss\n1e9\t2e10\t2.5\n2.5\t3\t4\n',
    '\ufeff"N";"D";"loss"\r\n 1E9 ; 2e+10 ;2.50\r\n+2.5;3.0; 4 \r\n\r\n',
  ];
  for (const text of texts) {
    const runs = readRuns(text);
    assert.deepEqual(
      { N: Array.from(runs.N), D: Array.from(runs.D), loss: Array.from(runs.loss) },
      expected,
      JSON.stringify(text),
    );
  }
  assert.deepEqual(Array.from(readRuns('\n \nN,D,loss\n1,2,3\n').rows), [1]);
  const gap = readRuns('N,D,loss\n1,2,3\n\n4,5,6\n');
  assert.deepEqual(Array.from(gap.rows), [1, 3]);
  throwsData(() => readRuns('N,D,loss\n1,2,3\n\n4,5,x\n'), 'bad-value', 3, 'loss');
});

test('JSON text, arrays of objects and objects of (typed) arrays', () => {
  const want = { N: [1e9, 2e9], D: [2e10, 4e10], loss: [2.5, 2.4] };
  const inputs: unknown[] = [
    '[{"N":1e9,"D":2e10,"loss":2.5},{"N":"2e9","D":4e10,"loss":" 2.4 "}]',
    ' {"N":[1e9,2e9],"D":[2e10,4e10],"loss":[2.5,2.4],"note":"x"}',
    [{ params: 1e9, tokens: 2e10, loss: 2.5 }, { params: 2e9, tokens: 4e10, loss: 2.4 }],
    { N: [1e9, 2e9], D: [2e10, 4e10], loss: [2.5, 2.4] },
    { N: Float64Array.of(1e9, 2e9), D: Float64Array.of(2e10, 4e10), loss: Float64Array.of(2.5, 2.4) },
  ];
  for (const input of inputs) {
    const runs = readRuns(input as never);
    assert.deepEqual({ N: Array.from(runs.N), D: Array.from(runs.D), loss: Array.from(runs.loss) }, want);
    assert.deepEqual(Array.from(runs.rows), [1, 2]);
  }
  const fromArrays = runsFromArrays({ N: [1e9], C: [6e19], loss: [2.5] });
  assert.equal(fromArrays.D[0], 6e19 / (6 * 1e9));
  assert.equal(fromArrays.derivedD, true);
  assert.deepEqual({ ...fromArrays.columns }, { N: 'N', C: 'C', loss: 'loss' });
  throwsData(() => readRuns([{ N: 1, D: 1, loss: 1 }, { N: 1, D: 1, loss: -1 }]), 'bad-value', 2, 'loss');
  throwsData(() => readRuns({ N: [1, 2], D: [1, 2], loss: [1] }), 'parse', undefined, 'loss');
  throwsData(() => readRuns('[{"N":1,'), 'parse', undefined, undefined, /invalid JSON/);
  throwsData(() => readRuns([{ N: 1, D: 1, loss: 1 }, 7] as never), 'parse', 2);
  throwsData(() => readRuns(42 as never), 'parse');
});

test('bad values name the data row (the text line, for delimited text) and the column as written', () => {
  const { header, rows } = rawTable(chinchilla);
  const col = header.indexOf('Model Size');
  const withCell = (value: string) => {
    const copy = rows.map((r) => [...r]);
    copy[11][col] = value;
    return [header, ...copy].map((r) => r.join(',')).join('\n');
  };
  throwsData(() => readRuns(withCell('abc')), 'bad-value', 12, 'Model Size',
    'line 13, column "Model Size": expected a positive finite number, got "abc"');
  for (const bad of ['', '  ', 'NaN', 'Infinity', '-Infinity', '1e999', '0', '-5', '0x10', '1 5', '2.5.1', '1e9 params']) {
    throwsData(() => readRuns(withCell(bad)), 'bad-value', 12, 'Model Size');
  }
  throwsData(() => readRuns({ N: [1, NaN], D: [1, 1], loss: [1, 1] }), 'bad-value', 2, 'N', /got NaN$/);
  throwsData(() => readRuns({ N: [1, Infinity], D: [1, 1], loss: [1, 1] }), 'bad-value', 2, 'N');
  throwsData(() => readRuns([{ N: 1, D: 1, loss: 1 }, { N: 1, loss: 1, D: null }]), 'bad-value', 2, 'D');
  throwsData(() => readRuns([{ N: 1, D: 1, loss: 1 }, { N: 1, loss: 1 }]), 'bad-value', 2, 'D', /got nothing$/);
  throwsData(() => readRuns('N,D,loss\n1,2\n'), 'bad-value', 1, 'loss', /got ""$/);
});

test('missing columns are reported with the columns found', () => {
  throwsData(() => readRuns('N,D,score\n1,2,3\n'), 'missing-column', undefined, undefined, /no loss column.*"N", "D", "score"/);
  throwsData(() => readRuns('N,width,loss\n1,2,3\n'), 'missing-column', undefined, undefined, /tokens \(D\) or compute \(C\).*"N", "width", "loss"/);
  throwsData(() => readRuns('x,D,loss\n1,2,3\n'), 'missing-column', undefined, undefined, /parameter count \(N\).*"x", "D", "loss"/);
  throwsData(() => readRuns({ N: [1], C: [1] }), 'missing-column', undefined, undefined, /"N", "C"/);
});

test('empty input and header-only input are reported as empty', () => {
  for (const input of ['', '  \n ', '\ufeff', 'N,D,loss', 'N,D,loss\r\n', 'N,D,loss\n\n,,\n', '[]', '{"N":[],"D":[],"loss":[]}', []]) {
    throwsData(() => readRuns(input as never), 'empty-input');
  }
});

test('fewer runs than minRuns is an error, also after dropping', () => {
  throwsData(() => readRuns('N,D,loss\n1,2,3\n2,3,4\n', { minRuns: 3 }), 'too-few-runs', undefined, undefined, /2.*3/);
  throwsData(() => readRuns('N,D,loss\n1,2,3\n2,3,4\n', { dropHighest: 2 }), 'too-few-runs');
  throwsData(() => readRuns(chinchilla, { dropHighest: 5, minRuns: 241 }), 'too-few-runs', undefined, undefined, /240/);
  assert.equal(readRuns(chinchilla, { dropHighest: 5, minRuns: 240 }).N.length, 240);
});

test('bad option values throw an OptionError naming the option', () => {
  for (const v of [-1, 1.5, NaN, Infinity, '5']) throwsOption(() => readRuns(chinchilla, { dropHighest: v as never }), 'dropHighest');
  for (const v of [0, -2, 2.5, '3']) throwsOption(() => readRuns(chinchilla, { minRuns: v as never }), 'minRuns');
  throwsOption(() => readRuns(chinchilla, { columns: { N: 5 as never } }), 'columns.N');
});

test('a bad cell in delimited text is named by the line of the text it is on, as an editor shows it', () => {
  const at = (text: string) => { try { readRuns(text); } catch (e) { return e as DataError; } throw new Error('no error'); };
  // The user's example: a typo in the second data row is line 3 of what was pasted.
  let e = at('N,D,loss\n1e8,2e9,3.1\n2e8,abc,2.9\n3e8,4e9,2.7');
  assert.equal(e.message, 'line 3, column "D": expected a positive finite number, got "abc"');
  assert.equal(e.row, 2);
  assert.equal(e.line, 3);
  assert.equal(e.column, 'D');
  // Leading blank lines, blank lines between rows, CRLF, and a quoted field with line breaks inside all count.
  e = at('\n\r\nN,D,loss\r\n1e8,2e9,3.1\r\n\r\n"1e8",2e9,"3.0"\n"2e8","x\ny",2.9\n4e8,abc,2.5');
  assert.equal(e.line, 7);
  e = at('N;D;loss\n1e8;2e9;3.1\n"a\nb";2e9;3');
  assert.equal(e.line, 3);
  // Rows given as objects keep the row wording.
  e = (() => { try { readRuns([{ N: 1, D: 2, loss: 3 }, { N: 'x', D: 2, loss: 3 }]); } catch (err) { return err as DataError; } throw new Error('no error'); })();
  assert.equal(e.message, 'row 2, column "N": expected a positive finite number, got "x"');
  assert.equal(e.line, undefined);
});
