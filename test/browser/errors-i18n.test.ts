// The core's errors in the reader's language: <scaling-fit>
// given inline CSV it cannot read shows the reason in Chinese on a Chinese page
// (src/i18n/errors.ts) and today's English sentence on an English one, naming
// the column either way.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import '../../src/elements/curve/curve.js';
import '../../src/elements/landscape/landscape.js';
import '../../src/elements/calculator/calculator.js';
import { calculate, readScenario } from '../../src/elements/calculator/model.js';
import { CALCULATOR, COMMON, joinTables, translator } from '../../src/i18n/index.js';
import { mountWith, plain, root, unmount, until } from './helpers.js';

const mount = mountWith({ fit: false });
const alert = (el: Element) => root(el).querySelector('[role="alert"]');
const errorText = async (lang: string, csv: string): Promise<string> => {
  const el = await mount(`<scaling-fit lang="${lang}"><script type="text/csv">${csv}</script></scaling-fit>`);
  await until(() => !!alert(el), 4000, 'error box');
  return plain(alert(el)!.querySelector('span')!.textContent);
};
/** Three English words in a row outside double quotes (column names and cells are quoted). */
const englishSentence = (text: string) => /\b[a-z]+ [a-z]+ [a-z]+\b/i.test(text.replace(/"(?:[^"\\]|\\.)*"/g, ''));

const NO_LOSS = 'N,D\n1e8,2e9\n2e8,4e9\n';
const BAD_CELL = 'N,D,loss\n1e8,2e9,3.1\n2e8,lots,2.9\n';

describe('core errors in the reader\'s language', () => {
  afterEach(unmount);

  it('a missing loss column, in Chinese', async () => {
    const text = await errorText('zh', NO_LOSS);
    expect(text).to.contain('没有损失（loss）列');
    expect(text).to.contain('找到的列："N", "D"');
    expect(englishSentence(text), text).to.equal(false);
  });

  it('a non-numeric cell, in Chinese, naming row, column and cell', async () => {
    const text = await errorText('zh-CN', BAD_CELL);
    expect(text).to.contain('第 3 行，列 "D"：应为有限正数，实际为 "lots"');
    expect(englishSentence(text), text).to.equal(false);
  });

  it('the same in English: today\'s sentences', async () => {
    expect(await errorText('en', NO_LOSS)).to.contain('no loss column (names such as "loss", "L", "final loss", "val loss", "validation loss", or set the columns option); columns found: "N", "D"');
    expect(await errorText('en', BAD_CELL)).to.contain('line 3, column "D": expected a positive finite number, got "lots"');
  });

  it('keeps the data\'s text isolated: a column name with bidi controls cannot reorder the sentence', async () => {
    const el = await mount(`<scaling-fit lang="zh"><script type="text/csv">N,D,\u202Eevil\n1e8,2e9,3\n</script></scaling-fit>`);
    await until(() => !!alert(el), 4000, 'error box');
    const raw = alert(el)!.querySelector('span')!.textContent ?? '';
    expect(raw).to.not.contain('\u202E');
    expect(raw).to.contain('\u2068没有损失（loss）列').and.contain('找到的列："N", "D", "evil"\u2069');
  });

  it('an option error from the core in Chinese: a columns attribute naming no column', async () => {
    const el = await mount(`<scaling-fit lang="zh" columns="loss=nope"><script type="text/csv">${BAD_CELL}</script></scaling-fit>`);
    await until(() => !!alert(el), 4000, 'error box');
    const text = plain(alert(el)!.querySelector('span')!.textContent);
    expect(text).to.contain('columns.loss 无效').and.contain('没有列 "nope"');
    expect(englishSentence(text), text).to.equal(false);
    const wrong = await mount(`<scaling-fit lang="zh" columns="loss"><script type="text/csv">${BAD_CELL}</script></scaling-fit>`);
    await until(() => !!alert(wrong), 4000, 'error box');
    expect(plain(alert(wrong)!.querySelector('span')!.textContent)).to.contain('columns 无效：应为“量=列名”，实际为 "loss"');
  });

  // A law the core refuses (an unknown form, parameters that are not numbers) was shown in
  // English inside the Chinese sentence by the curve, the landscape and the calculator.
  for (const tag of ['scaling-curve', 'scaling-landscape']) {
    it(`a law the core refuses, in Chinese: <${tag}>`, async () => {
      const law = JSON.stringify({ form: 'nope', params: {} }).replace(/"/g, '&quot;');
      const el = await mount(`<${tag} lang="zh" law="${law}"></${tag}>`);
      await until(() => !!alert(el), 4000, 'error box');
      const text = plain(alert(el)!.textContent);
      expect(text).to.match(/law\.form 无效：应为 chinchilla, .* 之一，实际为 nope/);
      expect(englishSentence(text), text).to.equal(false);
    });
  }

  it("a row the core cannot plan, in Chinese: <scaling-calculator>'s table", async () => {
    // A law whose compute-optimal split at this budget is beyond double precision (a fitted law can be).
    const law = { form: 'chinchilla' as const, params: { A: 1e300, B: 1e-300, E: 0, alpha: 0.01, beta: 0.01 } };
    const t = translator(joinTables(COMMON, CALCULATOR), 'zh');
    const scenario = readScenario({}, t);
    const [row] = calculate(scenario, [{ key: 'fit', label: 'fit', short: 'fit', kind: 'fit', law }], t, 'zh').rows;
    expect(row.note).to.contain('超出双精度范围');
    expect(englishSentence(row.note!), row.note).to.equal(false);
  });
});
