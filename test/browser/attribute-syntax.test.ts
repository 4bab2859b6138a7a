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
