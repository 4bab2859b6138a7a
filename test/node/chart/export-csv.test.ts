// The charts' CSV export writes its fields by hand (src/chart/export.ts `csvField`) so that an
// element that never reads CSV need not carry d3-dsv; it must write exactly what d3-dsv's
// csvFormatRows writes for the same strings, which this checks on random text rich in quotes,
// commas, line breaks and non-ASCII, and on hand-picked fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvFormatRows } from 'd3-dsv';
import { csvField, toCsv } from '../../../src/chart/export.js';
import { check } from '../../fixtures/property.js';

const tricky = fc.constantFrom('"', ',', '\n', '\r', '\r\n', ' ', ';', '\t', "'", '=', 'é', '模型', '\u2028', '""', 'a"b');
const text = fc.array(fc.oneof(fc.string({ maxLength: 4 }), tricky), { maxLength: 6 }).map((parts) => parts.join(''));

test('a field is written as d3-dsv writes it (2,000 random fields)', () => {
  check('csv field', fc.property(text, (s) => {
    assert.equal(csvField(s), csvFormatRows([[s]]));
  }), 2000);
});

test('rows of fields are written as d3-dsv writes them (500 random tables)', () => {
  check('csv rows', fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
    assert.equal(rows.map((r) => r.map(csvField).join(',')).join('\n'), csvFormatRows(rows));
  }), 500);
});

test('examples: plain, quoted, doubled quotes, line breaks; toCsv ends with a newline and guards formulas', () => {
  assert.equal(csvField('plain text'), 'plain text');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField(''), '');
  assert.equal(toCsv(['N', 'label'], [[1e9, 'x,y'], [2e9, '=SUM(A1)'], [3e9, null]]), 'N,label\n1000000000,"x,y"\n2000000000,\'=SUM(A1)\n3000000000,\n');
});
