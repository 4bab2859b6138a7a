// A chart's first render is split over tasks (ScalingElement.firstRenderSteps): the model in
// one, the drawing in the next, then the update that shows it, so that a page's start has no
// one long task holding all three (bench (l) measures the tasks; this checks the split). Counted
// in tasks, not milliseconds: after connection, the page gets at least three turns of its own
// event loop before the chart appears, where one update used to do it all in one.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/curve/curve.js';
import '../../src/elements/landscape/landscape.js';
import { nextTask } from '../../src/next-task.js';
import { root, unmount } from './helpers.js';

/** Tasks the page runs between connecting `markup` and its chart's SVG appearing (at most 50). */
async function tasksUntilDrawn(markup: string): Promise<{ tasks: number; el: Element }> {
  const box = document.createElement('div');
  box.style.width = '640px';
  box.innerHTML = markup;
  document.body.append(box);
  const el = box.firstElementChild!;
  let tasks = 0;
  while (!root(el).querySelector('svg') && tasks < 50) {
    await nextTask();
    tasks++;
  }
  box.remove();
  return { tasks, el };
}

describe('first render in tasks of its own', () => {
  afterEach(unmount);

  for (const markup of ['<scaling-curve preset="hoffmann2022,besiroglu2024" x="C"></scaling-curve>', '<scaling-landscape law="besiroglu2024"></scaling-landscape>']) {
    it(`${markup.slice(1, markup.indexOf(' '))}: the model, the drawing and the update each in a task`, async () => {
      const { tasks } = await tasksUntilDrawn(markup);
      expect(tasks).to.be.within(3, 49);
    });
  }

  it('an error found while preparing is shown by the update, in the reader\'s words', async () => {
    const box = document.createElement('div');
    box.innerHTML = '<scaling-curve lang="zh" x="Q" preset="hoffmann2022"></scaling-curve>';
    document.body.append(box);
    const el = box.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    for (let i = 0; i < 10; i++) await nextTask();
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')?.textContent).to.contain('x');
    expect(root(el).querySelector('svg')).to.equal(null);
    box.remove();
  });
});
