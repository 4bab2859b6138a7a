// Attributes as HTML authors write them: a numeric attribute written bare
// (<scaling-fit bootstrap>) is a mistake shown in place, in the element's
// language, never read as a default or as zero.
import { expect } from '@esm-bundle/chai';
import '../../src/define.js';
import { demoCsv } from '../../src/data/demo.js';
import { mount, root, unmount, until } from './helpers.js';

const errorText = (el: Element) => root(el).querySelector('[part="error"]')?.textContent ?? '';

describe('numeric attributes written bare', () => {
  afterEach(unmount);

  it('<scaling-fit bootstrap> says the resample count is missing, in English and Chinese', async () => {
    for (const [lang, words] of [['en', 'whole number'], ['zh', '整数']] as const) {
      const el = await mount(`<scaling-fit bootstrap lang="${lang}"><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
      await until(() => errorText(el) !== '', 8000, 'the error box');
      expect(errorText(el)).to.contain('bootstrap').and.contain(words);
    }
  });

  it('<scaling-isoflop tolerance> and min-points written bare are errors too', async () => {
    for (const attr of ['tolerance', 'min-points']) {
      const el = await mount(`<scaling-isoflop ${attr}><script type="text/csv">${demoCsv()}</script></scaling-isoflop>`);
      await until(() => errorText(el) !== '', 8000, 'the error box');
      expect(errorText(el)).to.contain(attr);
    }
  });

  it('absent attributes still take their defaults (no error)', async () => {
    const el = await mount(`<scaling-isoflop><script type="text/csv">${demoCsv()}</script></scaling-isoflop>`);
    expect(errorText(el)).to.equal('');
  });
});

describe('one name per idea: budget, and ranges as "low high"', () => {
  afterEach(unmount);

  type Calc = HTMLElement & { result?: { scenario: { C: number } }; budget?: unknown };
  type Curve = HTMLElement & { exportText(format: string): string };
  const xRangeOf = (el: Curve) => { const j = JSON.parse((el as unknown as { exportText(f: string): string }).exportText('json')); return [j.from, j.to]; };

  it('<scaling-calculator budget> is the compute budget; the old flops attribute still works, and budget wins over it', async () => {
    const a = await mount<Calc>('<scaling-calculator budget="2e24"></scaling-calculator>');
    const b = await mount<Calc>('<scaling-calculator flops="2e24"></scaling-calculator>');
    const c = await mount<Calc>('<scaling-calculator budget="3e24" flops="2e24"></scaling-calculator>');
    expect(a.result!.scenario.C).to.equal(2e24);
    expect(b.result!.scenario.C).to.equal(2e24);
    expect(c.result!.scenario.C).to.equal(3e24);
    expect(b.budget).to.equal('2e24');
  });

  it('<scaling-curve x-range="1e8 1e12"> is the x range, as from/to (deprecated) gave it; a bad one names x-range', async () => {
    const a = await mount<Curve>('<scaling-curve preset="hoffmann2022" x-range="1e8 1e12"></scaling-curve>');
    const b = await mount<Curve>('<scaling-curve preset="hoffmann2022" from="1e8" to="1e12"></scaling-curve>');
    expect(xRangeOf(a)).to.deep.equal([1e8, 1e12]);
    expect(xRangeOf(b)).to.deep.equal([1e8, 1e12]);
    const bad = await mount<Curve>('<scaling-curve preset="hoffmann2022" x-range="1e12 1e8"></scaling-curve>');
    await until(() => errorText(bad) !== '', 4000, 'the error box');
    expect(errorText(bad)).to.contain('x-range');
  });
});
