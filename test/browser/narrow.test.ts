// Narrow screens: a table wider than the element scrolls sideways inside its own box, and that
// box shows a shadow at the edge with more to see (the .scroll-x backgrounds), rather than
// widening the page or cutting columns off silently.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/calculator/calculator.js';
import '../../src/elements/task/task.js';
import { mountWith, root, unmount, until } from './helpers.js';

const mount = mountWith<HTMLElement>({ width: 320 });

function expectScrollCue(box: HTMLElement, what: string): void {
  expect(box.classList.contains('scroll-x'), `${what} has the scroll cue`).to.equal(true);
  const style = getComputedStyle(box);
  expect(style.overflowX, what).to.equal('auto');
  expect(style.backgroundImage, what).to.contain('radial-gradient');
  expect(style.backgroundAttachment, what).to.contain('local');
}

describe('narrow screens (320 px)', () => {
  afterEach(() => unmount());

  it('the calculator\'s table stays inside its box and scrolls there, with a cue', async () => {
    const el = await mount('<scaling-calculator laws="besiroglu2024,hoffmann2022"></scaling-calculator>');
    const wrap = root(el).querySelector('[part="table-wrap"]') as HTMLElement;
    // Whether or not it overflows at this width, it never widens the element, and the cue is there when it does.
    expect(el.getBoundingClientRect().width).to.be.at.most(321);
    expectScrollCue(wrap, 'table-wrap');
    // Its title wraps inside the element rather than scrolling away with the table.
    const title = root(el).querySelector('.table-title') as HTMLElement;
    expect(title.textContent).to.contain('5.76×10²³');
    expect(title.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    expect(title.scrollWidth).to.be.at.most(title.clientWidth);
  });

  it('<scaling-task>\'s backtest table scrolls inside its box, with a cue', async () => {
    const el = await mount('<scaling-task src="/test/fixtures/data/gadre2024-rpj-fit-set.csv" holdout="2" form="overtrained" loss="squared" columns="loss=loss_c4_val,metric=err_avg17"></scaling-task>');
    await until(() => !!root(el).querySelector('[part="backtest"]'), 15000, 'backtest table');
    const wrap = root(el).querySelector('[part="backtest"]')!.parentElement as HTMLElement;
    expect(wrap.scrollWidth).to.be.greaterThan(wrap.clientWidth);
    expectScrollCue(wrap, 'backtest');
  });
});
