// The reader's own data in <scaling-fit> (and <scaling-task>, which shares the form): the text
// stays in the box after an error and after a fit; an error names the line of the pasted text and
// the column, and that line is selected; the previous fit stays drawn, marked stale, until the new
// text reads; a file dropped anywhere on the element is read.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import '../../src/elements/task/task.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { demoCsv } from '../../src/data/demo.js';
import { mountWith, plain, root, unmount, until } from './helpers.js';

const mount = mountWith<ScalingFit>({ width: 720, selector: 'scaling-fit', fit: false });
const area = (el: Element) => root(el).querySelector('textarea[part~="paste"]') as HTMLTextAreaElement;
const points = (el: Element) => root(el).querySelectorAll('g.points circle.point').length;

async function paste(el: ScalingFit, text: string): Promise<void> {
  // Inside "Use other data" once a chart is drawn.
  const details = root(el).querySelector('details.other-data') as HTMLDetailsElement | null;
  if (details) details.open = true;
  area(el).value = text;
  (root(el).querySelector('[part="paste-button"]') as HTMLButtonElement).click();
  await el.updateComplete;
}

const TYPO = 'N,D,loss\n1e8,2e9,3.1\n2e8,abc,2.9\n4e8,8e9,2.7\n';

describe('pasting your own runs', () => {
  afterEach(() => unmount());

  it('keeps a text that does not read in the box, names its line and column, and selects that line', async () => {
    const el = await mount('<scaling-fit></scaling-fit>');
    await paste(el, TYPO);
    await until(() => !!root(el).querySelector('.error[role="alert"]'));
    expect(plain(root(el).querySelector('.error[role="alert"]')!.textContent)).to.contain('line 3, column "D"').and.to.contain('"abc"');
    expect(area(el).value).to.equal(TYPO);
    expect(area(el).getAttribute('aria-invalid')).to.equal('true');
    await until(() => area(el).selectionEnd > area(el).selectionStart, 2000, 'the line selected');
    expect(area(el).value.slice(area(el).selectionStart, area(el).selectionEnd)).to.equal('2e8,abc,2.9');
  });

  it('keeps the previous fit drawn, marked stale, until the corrected text fits; the box keeps the text after a fit', async () => {
    const el = await mount('<scaling-fit></scaling-fit>');
    const first = demoCsv();
    await paste(el, first);
    await until(() => !!el.result && points(el) === 81, 15000, 'first fit');
    const before = el.result;
    expect(area(el).value).to.equal(first);
    await paste(el, TYPO);
    await until(() => !!root(el).querySelector('[part="stale"]'), 4000, 'stale note');
    expect(plain(root(el).querySelector('[part="stale"]')!.textContent)).to.contain('still shows the data before your last change').and.to.contain('line 3');
    expect(root(el).querySelector('figure.figure')!.classList.contains('stale')).to.equal(true);
    expect(points(el)).to.equal(81);
    expect(el.result).to.equal(before);
    expect((root(el).querySelector('details.other-data') as HTMLDetailsElement).open).to.equal(true);
    expect(area(el).value).to.equal(TYPO);
    const fixed = TYPO.replace('abc', '4e9');
    await paste(el, fixed);
    await until(() => points(el) === 3 && !root(el).querySelector('[part="stale"]'), 15000, 'the corrected fit');
    expect(root(el).querySelector('figure.figure')!.classList.contains('stale')).to.equal(false);
    expect(area(el).value).to.equal(fixed);
  });

  it('reads a file dropped anywhere on the element, not only on the form', async () => {
    const el = await mount('<scaling-fit></scaling-fit>');
    const data = new DataTransfer();
    data.items.add(new File([demoCsv()], 'dropped.csv', { type: 'text/csv' }));
    const title = root(el).querySelector('.empty-title, .hint') as HTMLElement;
    // Outside the form: the element's own box.
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: data });
    el.dispatchEvent(over);
    expect(over.defaultPrevented, 'dragover accepted').to.equal(true);
    el.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }));
    await until(() => points(el) === 81, 15000, 'fit of the dropped file');
    expect(title).to.exist;
  });

  it('does not take dropped files on an element whose author gave the data', async () => {
    const el = await mount(`<scaling-fit><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
    await until(() => points(el) === 81, 15000, 'fit');
    const data = new DataTransfer();
    data.items.add(new File(['N,D,loss\n1,2,3\n'], 'x.csv', { type: 'text/csv' }));
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: data });
    el.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(false);
  });

  it('has no result while an attribute is invalid: no numbers for a chart that is not shown', async () => {
    const el = await mount(`<scaling-fit><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
    await until(() => !!el.result, 15000, 'fit');
    el.setAttribute('form', 'bogus');
    await el.updateComplete;
    expect(plain(root(el).querySelector('.error[role="alert"]')?.textContent)).to.contain('bogus');
    expect(el.result).to.equal(undefined);
    expect(el.intervals).to.equal(undefined);
    el.removeAttribute('form');
    await until(() => !!el.result, 15000, 'fit again');
    const task = await mount(`<scaling-task src="/test/fixtures/data/gadre2024-rpj-fit-set.csv" columns="loss=loss_c4_val,metric=err_avg17"></scaling-task>`, { selector: 'scaling-task' }) as unknown as ScalingFit;
    await until(() => !!task.result, 15000, 'task fits');
    task.setAttribute('holdout', 'many');
    await task.updateComplete;
    expect(task.result).to.equal(undefined);
  });

  it('inline data a Markdown processor split at a blank line: says so, not that "<p>8e8" is a bad number', async () => {
    // What markdown-it (Eleventy) makes of a blank line inside the CSV (test/node/blog-embed.test.ts).
    const el = await mount('<scaling-fit><script type="text/csv">N,D,loss\n1e8,2e9,3.1\n</p>\n<p>8e8,1.6e10,2.5</p>\n</script></scaling-fit>');
    await until(() => !!root(el).querySelector('.error[role="alert"]'));
    const text = plain(root(el).querySelector('.error[role="alert"]')!.textContent);
    expect(text).to.contain('HTML markup (</p>)').and.to.contain('blank line').and.to.contain('<script type="text/csv">');
    expect(text).to.not.contain('expected a positive finite number');
  });

  it('<scaling-task> keeps the text and names the line the same way', async () => {
    const el = await mount('<scaling-task></scaling-task>', { selector: 'scaling-task' }) as unknown as ScalingFit;
    await paste(el, 'N,D,loss,err\n1e8,2e9,3.1,0.8\n2e8,4e9,x,0.7\n');
    await until(() => !!root(el).querySelector('.error[role="alert"]'));
    expect(plain(root(el).querySelector('.error[role="alert"]')!.textContent)).to.contain('line 3, column "loss"');
    expect(area(el).value).to.contain('2e8,4e9,x,0.7');
  });
});
