// One number syntax for attributes, the calculator and the CLI
// (src/format/parse-number.ts), against values worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNumber } from '../../../src/format/parse-number.js';

test('the syntaxes people type', () => {
  const cases: [string, number][] = [
    ['5.76e23', 5.76e23], ['5.76×10^23', 5.76e23], ['5.76 × 10²³', 5.76e23], ['5.76x10**23', 5.76e23], ['10^24', 1e24],
    ['10⁻³', 1e-3], ['1.4T', 1.4e12], ['70B', 7e10], ['2.5k', 2500], ['40%', 0.4], ['1_000_000', 1e6], ['1,000,000', 1e6],
    ['−2', -2], ['  20 ', 20], ['.5', 0.5], ['1 000 000', 1e6], ['40 %', 0.4], ['1.4 T', 1.4e12],
  ];
  for (const [text, want] of cases) assert.ok(Math.abs(parseNumber(text) - want) <= 1e-12 * Math.abs(want), `${text} → ${parseNumber(text)}`);
});

test('what is not a number stays NaN: hex, octal, binary, words, empty, Infinity', () => {
  for (const text of ['0x10', '0o17', '0b101', 'abc', '', ' ', 'Infinity', '1e', '1.4TT', '5%%', '1\n2', '1 2', '1,00', '12,3456', null, undefined, {}]) {
    assert.ok(Number.isNaN(parseNumber(text)), String(text));
  }
  assert.equal(parseNumber(42), 42);
});

test('the CLI reads numbers as the elements do: --budget 5.76×10^23 and 1.4T work, 0x10 is refused', () => {
  const repo = fileURLToPath(new URL('../../../', import.meta.url));
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repo });
  const law = ['optimal', '--params', '{"A":406.4,"B":410.7,"E":1.69,"alpha":0.34,"beta":0.28}', '--json'];
  const a = cli(...law, '--budget', '5.76×10^23'), b = cli(...law, '--budget', '5.76e23');
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const c = cli('cost', '--budget', '1.4T', '--json');
  assert.equal(c.status, 0, c.stderr);
  const bad = cli(...law, '--budget', '0x10');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--budget/);
});
