// <scaling-fit columns="…">: the attribute names the column of each quantity
// in the syntax the CLI's --columns takes (src/core/column-spec.ts); without
// it a choice among several loss-like columns is fitted and reported as a
// column-choice warning, in the reader's language.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { mountWith, plain, root, unmount } from './helpers.js';

const mount = mountWith<ScalingFit>({ width: 720, selector: 'scaling-fit', fit: 8000 });
// Two loss columns, the second a shifted copy: which one is fitted shows in E.
const rows = [[1e8, 2e9], [2e8, 4e9], [4e8, 8e9], [8e8, 1.6e10], [1.6e9, 3.2e10], [3.2e9, 6.4e10], [1e8, 8e9], [4e8, 2e9], [1.6e9, 8e9], [3.2e9, 1.6e10], [8e8, 6.4e10], [2e8, 3.2e10], [1e8, 6.4e10], [3.2e9, 2e9], [8e8, 4e9], [4e8, 3.2e10]];
const law = (N: number, D: number) => 1.8 + 400 / N ** 0.34 + 410 / D ** 0.28;
const CSV = ['N,D,loss_c4,loss_pile', ...rows.map(([N, D]) => `${N},${D},${law(N, D)},${law(N, D) + 0.5}`)].join('\n');
const choice = (el: ScalingFit) => root(el).querySelector('[data-code="column-choice"]');

describe('<scaling-fit columns>', () => {
  afterEach(unmount);

  it('without it: the leftmost loss column is fitted and the choice is named, in Chinese on a Chinese page', async () => {
    const el = await mount(`<scaling-fit lang="zh"><script type="text/csv">${CSV}</script></scaling-fit>`);
    expect(el.result!.columns.loss).to.equal('loss_c4');
    expect((el.result!.params as { E: number }).E).to.be.closeTo(1.8, 1e-3);
    const text = plain(choice(el)?.textContent);
    expect(text).to.contain('按列名把 "loss_c4" 当作 loss').and.contain('"loss_pile"');
  });

  it('columns="loss=loss_pile" fits the other column and leaves no choice to report; the property mirrors it', async () => {
    const el = await mount(`<scaling-fit columns="loss=loss_pile"><script type="text/csv">${CSV}</script></scaling-fit>`);
    expect(el.columns).to.equal('loss=loss_pile');
    expect(el.result!.columns.loss).to.equal('loss_pile');
    expect((el.result!.params as { E: number }).E).to.be.closeTo(2.3, 1e-3);
    expect(choice(el)).to.equal(null);
  });
});
