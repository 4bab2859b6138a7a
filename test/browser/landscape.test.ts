// <scaling-landscape> in Chromium and Firefox: drawn from attributes alone, contours,
// iso-FLOP lines labelled with superscripts, the frontier, Gopher and
// Chinchilla placed with their predicted losses, hostile names kept as text,
// a tooltip anywhere on the map, keyboard access, Chinese, fast contours.
import { expect } from '@esm-bundle/chai';
import { csvParse } from 'd3-dsv';
import '../../src/elements/landscape/landscape.js';
import type { ScalingLandscape } from '../../src/elements/landscape/landscape.component.js';
import { preset, type LawPreset } from '../../src/core/presets.js';
import { frame, mountWith, plain, root, svg, unmount } from './helpers.js';

/** Mounts markup in a 680 px wide box and waits until the element has drawn at that size. */
const mount = mountWith<ScalingLandscape>({ width: 680, selector: 'scaling-landscape' });

const alert = (el: ScalingLandscape) => root(el).querySelector('[role="alert"]');

/** Epoch's law written out here, independently of the element: L = E + A/N^α + B/D^β. */
function epochLoss(N: number, D: number): number {
  const { E, A, B, alpha, beta } = (preset('besiroglu2024') as LawPreset).law.params as unknown as Record<string, number>;
  return E + A / N ** alpha + B / D ** beta;
}

describe('<scaling-landscape>', () => {
  afterEach(() => {
    unmount();
    document.documentElement.removeAttribute('lang');
  });

  it('draws from attributes alone: contours, iso-FLOP lines with superscripts, frontier, two models', async () => {
    const el = await mount('<scaling-landscape></scaling-landscape>');
    expect(alert(el)).to.equal(null);
    const bands = root(el).querySelectorAll('path.band');
    expect(bands.length).to.be.greaterThan(6);
    for (const b of bands) expect(b.getAttribute('d')!.length).to.be.greaterThan(20);
    const labels = Array.from(root(el).querySelectorAll('.iso-label'));
    expect(labels.length).to.be.greaterThan(4);
    const l21 = labels.find((l) => l.textContent === '1021')!;
    expect(l21, 'a line labelled 10²¹').to.exist;
    expect(l21.querySelector('tspan.sup')!.textContent).to.equal('21');
    expect(root(el).querySelectorAll('.iso-line').length).to.be.at.least(labels.length);
    expect(root(el).querySelector('path.curve.frontier')!.getAttribute('d')!.length).to.be.greaterThan(100);
    const markers = root(el).querySelectorAll('circle.model');
    expect(markers.length).to.equal(2);
    expect(Array.from(root(el).querySelectorAll('.model-name'), (n) => n.textContent)).to.deep.equal(['Gopher', 'Chinchilla']);
    expect(root(el).querySelectorAll('.colour-bar .swatch').length).to.equal(el.shadowRoot!.querySelectorAll('path.band').length);
  });

  it('states in its summary that Chinchilla reaches a lower loss than Gopher under Epoch\'s law', async () => {
    const el = await mount('<scaling-landscape></scaling-landscape>');
    const label = plain(svg(el).getAttribute('aria-label'));
    expect(label).to.contain('Besiroglu et al. 2024');
    const chinchilla = epochLoss(70e9, 1.4e12), gopher = epochLoss(280e9, 300e9);
    expect(chinchilla).to.be.lessThan(gopher);
    expect(label).to.contain(`Chinchilla (70B, 1.4T) reaches ${chinchilla.toFixed(3)}`);
    expect(label).to.contain(`Gopher (280B, 300B) reaches ${gopher.toFixed(3)}`);
    expect(label).to.match(/At about 5\.4×10²³ FLOPs/);
    expect(label).to.contain('Chinchilla has the lowest predicted loss.');
    const rows = Array.from(root(el).querySelectorAll('.visually-hidden table')[0].querySelectorAll('tbody tr'), (r) => r.textContent);
    expect(rows[1]).to.contain('Chinchilla');
  });

  it('keeps the contour computation under 30 ms', async () => {
    const el = await mount('<scaling-landscape></scaling-landscape>');
    const times: number[] = [];
    for (const r of ['1e8, 1e13', '1e7, 1e12', '1e9, 1e13', '1e8, 1e12', '2e8, 2e12']) {
      el.setAttribute('n-range', r);
      await el.updateComplete;
      times.push(el.timings!.grid + el.timings!.contours);
    }
    times.sort((a, b) => a - b);
    expect(times[2], `median of ${times.map((x) => x.toFixed(1)).join(', ')} ms`).to.be.lessThan(30);
  });

  it('shows hostile model names as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await mount('<scaling-landscape></scaling-landscape>');
    el.models = [{ name: hostile, N: 1e10, D: 2e11 }];
    await el.updateComplete;
    // 38 characters are wider than a name may be on a 640 px map: cut there, whole on the marker.
    expect(root(el).querySelector('.model-name')!.textContent).to.equal('\u2068<img src=x onerror="window\u2069…');
    expect(root(el).querySelector('circle.model > title')!.textContent).to.equal(hostile);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(svg(el).getAttribute('aria-label')).to.contain(hostile);
    el.setAttribute('models', JSON.stringify([{ name: hostile, N: 'lots', D: 1 }]));
    el.models = el.getAttribute('models')!;
    await el.updateComplete;
    expect(alert(el)!.textContent).to.contain(hostile);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows N, D, C and the loss anywhere on the map, and at a model on keyboard focus', async () => {
    const el = await mount('<scaling-landscape></scaling-landscape>');
    const plot = root(el).querySelector('.plot') as HTMLElement;
    const box = svg(el).getBoundingClientRect();
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width * 0.45, clientY: box.top + box.height * 0.5, bubbles: true }));
    await frame();
    const tip = root(el).querySelector('.tooltip') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.match(/N = .+, D = .+C = .+FLOPs.*Loss = \d\.\d{3}/);
    expect(root(el).querySelector('.cursor .cursor-iso')).to.exist;

    const markers = Array.from(root(el).querySelectorAll<SVGCircleElement>('circle.model'));
    markers[0].focus();
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain('Gopher');
    expect(tip.textContent).to.contain(`Loss = ${epochLoss(280e9, 300e9).toFixed(3)}`);
    expect(tip.textContent).to.contain('Compute-optimal for this C');
    markers[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(root(el).activeElement).to.equal(markers[1]);
    expect(tip.textContent).to.contain('Chinchilla');

    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(tip.textContent).to.match(/^N = 31\.6B/);
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tip.hidden).to.equal(true);
  });

  it('takes a law as JSON, ranges with SI suffixes, and explains bad attributes', async () => {
    const law = JSON.stringify({ form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }, label: 'As printed' });
    const el = await mount(`<scaling-landscape law='${law}' n-range="100M, 1T" d-range="1B, 10T"></scaling-landscape>`);
    expect(alert(el)).to.equal(null);
    expect(svg(el).getAttribute('aria-label')).to.contain('As printed');
    expect(svg(el).getAttribute('aria-label')).to.contain('from 100M to 1T');
    const cases: [string, RegExp][] = [
      ['law="deepseek2024"', /rule for splitting compute/],
      ['law="kaplan2020-n"', /not a law of both N and D/],
      ['n-range="1e13, 1e8"', /n-range attribute must be two positive numbers/],
      [`models='[{"name":"X"}]'`, /Model 1 \("X"\) needs N and D/],
      ['models="nope"', /models attribute must be a JSON list/],
    ];
    for (const [attrs, pattern] of cases) {
      const bad = await mount(`<scaling-landscape ${attrs}></scaling-landscape>`);
      expect(plain(alert(bad)?.textContent), attrs).to.match(pattern);
    }
  });

  it('speaks Chinese with lang="zh"', async () => {
    const el = await mount('<scaling-landscape lang="zh"></scaling-landscape>');
    expect(root(el).querySelector('.axis-x .axis-title')!.textContent).to.equal('参数量 N');
    expect(root(el).querySelector('.axis-y .axis-title')!.textContent).to.equal('训练词元数 D');
    expect(plain(svg(el).getAttribute('aria-label'))).to.contain('Chinchilla 的预测损失最低');
    expect(root(el).querySelector('.bar-title')!.textContent).to.equal('预测损失');
  });

  it('exports SVG, PNG, models as CSV and JSON', async () => {
    const el = await mount('<scaling-landscape></scaling-landscape>');
    const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('path.band')!.getAttribute('fill')).to.match(/^rgb/);
    const png = new Uint8Array(await (await el.exportBlob('png')).arrayBuffer());
    expect(Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join('')).to.equal('PNG');
    const rows = csvParse(await (await el.exportBlob('csv')).text());
    expect(rows.map((r) => r.name)).to.deep.equal(['Gopher', 'Chinchilla']);
    expect(Number(rows[1].loss)).to.be.closeTo(epochLoss(70e9, 1.4e12), 1e-12);
    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.law.params.alpha).to.equal(0.347813);
    expect(json.models[0].C).to.equal(6 * 280e9 * 300e9);
  });
});
