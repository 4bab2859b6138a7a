// Wrapping text into lines (src/chart/text-width.ts): widths are estimated at 0.6 em per
// Latin character and 1 em per CJK one, so at 12 px a line of 120 px holds 16 Latin
// characters (115.2 px) and a line of 30 px two CJK ones; each case below is counted by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LABEL_CHARS, wrapText } from '../../../src/chart/text-width.js';

const NAME = 'Besiroglu et al. 2024 (Epoch AI), Chinchilla replication';

test('words wrap at spaces; joined, the lines are the text', () => {
  const { lines, cut } = wrapText(NAME, 120, 12, 4);
  assert.deepEqual(lines, ['Besiroglu et al. ', '2024 (Epoch AI), ', 'Chinchilla ', 'replication']);
  assert.equal(cut, false);
  assert.equal(lines.join(''), NAME);
});

test('more lines than allowed: the last is cut with an ellipsis', () => {
  const { lines, cut } = wrapText(NAME, 120, 12, 3);
  assert.deepEqual(lines, ['Besiroglu et al. ', '2024 (Epoch AI), ', 'Chinchilla repl…']);
  assert.equal(cut, true);
});

test('hyphens and slashes are break points; CJK characters break anywhere', () => {
  assert.deepEqual(wrapText('hoffmann2022-rounded', 100, 12, 3).lines, ['hoffmann2022-', 'rounded']);
  assert.deepEqual(wrapText('a/b-testing', 30, 12, 5).lines, ['a/b-', 'test', 'ing']); // 4 characters a line
  assert.deepEqual(wrapText('贝西罗格卢等', 30, 12, 5).lines, ['贝西', '罗格', '卢等']);
  assert.deepEqual(wrapText('Epoch 复现', 80, 12, 3).lines, ['Epoch 复现']);
});

test('a word longer than a line is broken inside it', () => {
  assert.deepEqual(wrapText('a'.repeat(40), 72, 12, 10).lines, ['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(10), 'a'.repeat(10)]);
});

test('text that fits is one line, untouched', () => {
  assert.deepEqual(wrapText('Hoffmann et al. 2022', 400, 12, 3), { lines: ['Hoffmann et al. 2022'], cut: false });
});

test(`only ${MAX_LABEL_CHARS} characters are laid out; a longer text is cut`, () => {
  const { lines, cut } = wrapText('word '.repeat(20_000), 4000, 12, 50);
  assert.equal(cut, true);
  assert.ok(lines.join('').length <= MAX_LABEL_CHARS + 1);
  assert.ok(lines.at(-1)!.endsWith('…'));
});
