// Every event an element fires is scaling-*: the results of a fit, a
// bootstrap and an isoFLOP analysis under their new names, with the old
// names (fit, bootstrap, isoflop) still fired for one release; notices have
// their own event instead of posing as errors.
import { expect } from '@esm-bundle/chai';
import '../../src/define.js';
import { demoCsv } from '../../src/data/demo.js';
import type { ScalingFit } from '../../src/elements/fit/fit.js';
import { mount, unmount, until } from './helpers.js';

const csv = () => `<script type="text/csv">${demoCsv()}</script>`;

describe('events', () => {
  afterEach(unmount);

  it('<scaling-fit> fires scaling-fit-done and, deprecated, fit, with the same result', async () => {
    const seen: [string, unknown][] = [];
    const el = await mount<ScalingFit>(`<scaling-fit>${csv()}</scaling-fit>`, {
      setup: (e) => { for (const type of ['scaling-fit-done', 'fit']) e.addEventListener(type, (ev) => seen.push([type, (ev as CustomEvent).detail])); },
    });
    await until(() => seen.length >= 2, 15000, 'both fit events');
    expect(seen.map(([t]) => t)).to.deep.equal(['scaling-fit-done', 'fit']);
    expect(seen[0][1]).to.equal(seen[1][1]);
    expect(seen[0][1]).to.equal(el.result);
  });

  it('<scaling-isoflop> fires scaling-isoflop-done and, deprecated, isoflop', async () => {
    const seen: string[] = [];
    await mount(`<scaling-isoflop>${csv()}</scaling-isoflop>`, {
      setup: (e) => { for (const type of ['scaling-isoflop-done', 'isoflop']) e.addEventListener(type, () => seen.push(type)); },
    });
    await until(() => seen.length >= 2, 15000, 'both isoflop events');
    expect(seen).to.deep.equal(['scaling-isoflop-done', 'isoflop']);
  });

  it('a notice fires scaling-notice, not scaling-error', async () => {
    const el = await mount<HTMLElement & { export(format: string): Promise<void> }>('<scaling-curve law="{}"></scaling-curve>');
    const seen: string[] = [];
    for (const type of ['scaling-error', 'scaling-notice']) el.addEventListener(type, () => seen.push(type));
    await el.export('svg'); // nothing is drawn: the export fails, and says so in a notice
    await until(() => seen.length > 0, 4000, 'an event');
    expect(seen).to.deep.equal(['scaling-notice']);
  });
});
