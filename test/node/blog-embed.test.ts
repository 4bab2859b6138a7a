// The README's advice for Markdown blogs, tried with the real renderers: markdown-it (what Eleventy
// uses, `html: true`) on a post with the element and its CSV inline. With a blank line inside the
// CSV, markdown-it ends the HTML block there and wraps the rest in <p>: the element must say so
// (inlineMarkup), not report "<p>8e8" as a bad number. Without blank lines the CSV arrives whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { inlineMarkup } from '../../src/elements/controllers/runs-input.js';
import { readRuns } from '../../src/core/runs.js';

const md = new MarkdownIt({ html: true });
const post = (csv: string) => `Our runs, fitted in the page:\n\n<scaling-fit>\n<script type="text/csv">\n${csv}\n</script>\n</scaling-fit>\n\nMore text.\n`;
const scriptText = (html: string) => /<script type="text\/csv">([\s\S]*?)<\/script>/.exec(html)![1];

test('a CSV without blank lines passes through markdown-it whole and reads', () => {
  const text = scriptText(md.render(post('N,D,loss\n1e8,2e9,3.1\n4e8,8e9,2.7\n8e8,1.6e10,2.5')));
  assert.equal(inlineMarkup(text), undefined);
  assert.equal(readRuns(text).N.length, 3);
});

test('a blank line inside the CSV: markdown-it wraps the rest in paragraphs, and the element names the markup', () => {
  const html = md.render(post('N,D,loss\n1e8,2e9,3.1\n\n8e8,1.6e10,2.5'));
  const text = scriptText(html);
  assert.match(text, /<p>8e8/);
  assert.equal(inlineMarkup(text), '<p>');
  assert.equal(inlineMarkup('N,D,loss\n1,2,3\n'), undefined);
  assert.equal(inlineMarkup('[{"N": 1, "note": "a < b"}]'), undefined);
});
