// Attributes that froze or crashed the page, in Chromium and Firefox. Each must now give a
// result: an error in place, a label cut to its width, a clamped size.
//   - <scaling-landscape d-range="1e9, 1e300">: 6·N·D overflowed to Infinity
//     and a loop over decades of C ran to floor(Infinity);
//   - a 100,000-character law label: the legend cut one character at a time
//     and re-measured the rest (17 s at 30,000, never done at 100,000);
//   - height="1e6" / "99999999": a 20 s draw, a 33-million-pixel element.
// Nothing here asserts on time: a hang blocks the page, so the test runner's
// timeout fails it; this.timeout(20000) makes an asynchronous stall fail fast.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/calculator/calculator.js';
import '../../src/elements/curve/curve.js';
import '../../src/elements/fit/fit.js';
import '../../src/elements/landscape/landscape.js';
import '../../src/elements/task/task.js';
import type { ScalingElement } from '../../src/elements/base.js';
import { LANDSCAPE_LIMITS, lossThresholds } from '../../src/elements/landscape/model.js';
import { FRAME_DEFAULTS } from '../../src/chart/frame.js';
import { fitText, LEGEND_DEFAULTS, MAX_LABEL_CHARS, textWidth } from '../../src/chart/marks/legend.js';
import { demoCsv } from '../../src/data/demo.js';
import { mountWith, plain, unmount, wrap } from './helpers.js';

/** Mounts `markup` in a `width`-px wrapper (640) and waits until the element shows a chart or an error. */
const mount = mountWith<ScalingElement>({ ready: (el) => !!svg(el) || !!alert(el) });

const svg = (el: Element) => el.shadowRoot?.querySelector('svg.chart') as SVGSVGElement | null;
const alert = (el: Element) => el.shadowRoot?.querySelector('.error[role="alert"]') ?? null;

describe('attributes that froze the page', () => {
  afterEach(() => {
    unmount();
  });

  describe('<scaling-landscape> ranges', () => {
    it('shows an error for d-range="1e9, 1e300" instead of looping', async function () {
      this.timeout(20000);
      const el = await mount('<scaling-landscape d-range="1e9, 1e300"></scaling-landscape>');
      expect(svg(el) === null, 'no chart').to.equal(true);
      expect(plain(alert(el)?.textContent)).to.contain('The d-range attribute "1e9, 1e300" spans 291 decades');
    });

    it('shows an error when 6·N·D overflows to Infinity within the decades allowed', async function () {
      this.timeout(20000);
      const el = await mount('<scaling-landscape d-range="1e280, 1e300"></scaling-landscape>');
      expect(svg(el) === null, 'no chart').to.equal(true);
      expect(alert(el)?.textContent).to.contain('to Infinity FLOPs');
    });

    it('shows an error when 6·N·D underflows to zero at the small corner', async function () {
      this.timeout(20000);
      const el = await mount('<scaling-landscape n-range="1e-200, 1e-175" d-range="1e-200, 1e-175"></scaling-landscape>');
      expect(svg(el) === null, 'no chart').to.equal(true);
      expect(alert(el)?.textContent).to.match(/from 0 to/);
    });

    it('shows an error for a range spanning more decades than the map allows', async function () {
      this.timeout(20000);
      const el = await mount('<scaling-landscape n-range="1e-300, 1e300"></scaling-landscape>');
      expect(svg(el) === null, 'no chart').to.equal(true);
      expect(alert(el)?.textContent).to.contain(`spans 600 decades; the map shows at most ${LANDSCAPE_LIMITS.decades}`);
    });

    it('words the error in Chinese under lang="zh"', async function () {
      this.timeout(20000);
      const el = await mount('<scaling-landscape lang="zh" d-range="1e280, 1e300"></scaling-landscape>');
      expect(alert(el)?.textContent).to.contain('计算量 C = 6ND');
    });

    it('refuses more models than it places', async function () {
      this.timeout(20000);
      const models = JSON.stringify(Array.from({ length: LANDSCAPE_LIMITS.models + 1 }, (_, i) => ({ name: `m${i}`, N: 1e9, D: 2e10 })));
      const el = await mount(`<scaling-landscape models='${models}'></scaling-landscape>`);
      expect(svg(el) === null, 'no chart').to.equal(true);
      expect(alert(el)?.textContent).to.contain(`at most ${LANDSCAPE_LIMITS.models}`);
    });

    it('keeps a law spanning hundreds of decades of loss to a bounded number of bands', () => {
      const levels = lossThresholds(1e-300, 1e300, 0);
      expect(levels.length).to.be.at.most(LANDSCAPE_LIMITS.thresholds + 1);
      expect(levels.length).to.be.at.least(5);
      for (let i = 1; i < levels.length; i++) expect(levels[i]).to.be.greaterThan(levels[i - 1]);
    });

    it('still draws a range of nearly as many decades as it allows', async function () {
      this.timeout(20000);
      const el = await mount('<scaling-landscape n-range="1e2, 1e41" d-range="1e3, 1e42"></scaling-landscape>');
      expect(alert(el)).to.equal(null);
      expect(svg(el)!.querySelectorAll('.iso-line').length).to.be.within(1, 11);
    });
  });

  describe('legend labels', () => {
    it('wraps a 100,000-character law label onto three lines of the legend width, cut there, the whole label in its <title>', async function () {
      this.timeout(20000);
      const label = 'a'.repeat(100_000);
      const law = JSON.stringify({ form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }, label });
      const el = await mount(`<scaling-curve law='${law}'></scaling-curve>`);
      expect(alert(el)).to.equal(null);
      const item = svg(el)!.querySelector('.legend-item')!;
      const lines = Array.from(item.querySelectorAll('text tspan'), (t) => t.textContent!);
      expect(lines.length).to.equal(LEGEND_DEFAULTS.maxLines);
      expect(lines.at(-1)!.endsWith('…')).to.equal(true);
      // The legend row is the plot's width: 640 px less the frame's side margins, less swatch and gap.
      const { left, right } = FRAME_DEFAULTS.margin;
      for (const line of lines) {
        expect(line.length).to.be.greaterThan(10);
        expect(textWidth(line, LEGEND_DEFAULTS.fontSize)).to.be.at.most(640 - left - right - LEGEND_DEFAULTS.swatch - LEGEND_DEFAULTS.gap);
      }
      expect(item.querySelector('title')!.textContent).to.equal(label);
    });

    it('fitText gives the longest prefix that fits, as cutting one character at a time did', () => {
      /** The old linear cut, the reference. */
      const linear = (text: string, width: number, size: number) => {
        if (textWidth(text, size) <= width) return text;
        const chars = Array.from(text);
        while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
        return `${chars.join('').trimEnd()}…`;
      };
      const texts = ['', 'a', 'Chinchilla (Hoffmann et al. 2022)', '训练词元数与参数量的计算最优前沿', 'mixed 混合 text 🙂🙂 with pairs', 'x '.repeat(90)];
      for (const text of texts) {
        for (const width of [0, 5, 7.2, 30, 100, 333, 2000]) expect(fitText(text, width, 12), `${text} @ ${width}`).to.equal(linear(text, width, 12));
      }
      const huge = fitText('é'.repeat(5_000_000), 3900, 12);
      expect(Array.from(huge).length).to.be.at.most(MAX_LABEL_CHARS + 1);
      expect(fitText('🙂'.repeat(1000), 100, 12)).to.equal(linear('🙂'.repeat(1000), 100, 12));
    });
  });

  describe('width and height', () => {
    const cases: [string, string][] = [
      ['scaling-curve', '<scaling-curve preset="hoffmann2022" height="{h}"></scaling-curve>'],
      ['scaling-calculator', '<scaling-calculator height="{h}"></scaling-calculator>'],
      ['scaling-landscape', '<scaling-landscape height="{h}"></scaling-landscape>'],
      ['scaling-task', '<scaling-task height="{h}" src="/test/fixtures/data/gadre2024-rpj-fit-set.csv" columns="loss=loss_c4_val,metric=err_avg17"></scaling-task>'],
      ['scaling-fit', `<scaling-fit height="{h}"><script type="text/csv">${demoCsv().trim().split('\n').slice(0, 28).join('\n')}</script></scaling-fit>`],
    ];
    for (const [tag, markup] of cases) {
      it(`clamps <${tag} height> to ${FRAME_DEFAULTS.minHeight}…${FRAME_DEFAULTS.maxHeight} px`, async function () {
        this.timeout(20000);
        for (const [h, want] of [['99999999', FRAME_DEFAULTS.maxHeight], ['1e6', FRAME_DEFAULTS.maxHeight], ['1', FRAME_DEFAULTS.minHeight]] as const) {
          const el = await mount(markup.replace('{h}', h));
          expect(alert(el), `${tag} height=${h}`).to.equal(null);
          const chart = svg(el)!;
          expect(Number(chart.getAttribute('height')), `${tag} height=${h}`).to.equal(want);
          expect(chart.getBoundingClientRect().height, `${tag} height=${h}: as laid out`).to.be.at.most(want + 1);
          wrap!.remove();
        }
      });
    }

    it(`draws at most ${FRAME_DEFAULTS.maxWidth} px wide in a wider container`, async function () {
      this.timeout(20000);
      const el = await mount('<scaling-curve preset="hoffmann2022"></scaling-curve>', { width: 12000 });
      expect(Number(svg(el)!.getAttribute('width'))).to.equal(FRAME_DEFAULTS.maxWidth);
      expect(Number(svg(el)!.getAttribute('height'))).to.be.at.most(FRAME_DEFAULTS.maxHeight);
    });
  });
});
