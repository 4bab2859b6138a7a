// Labels never collide (#15): every element, as the article uses it, at 320, 375, 768 and
// 1280 px, in the light and the dark theme, in English and in Chinese. On each drawing no two
// pieces of text overlap (tick labels, axis titles, legend entries, point, contour and
// end-of-line labels, colour-bar labels), none sits on a run's or a model's marker, no drawn
// line (a curve, the frontier, an iso-FLOP line) runs through one, and none leaves the element. A label that cannot
// be placed is dropped by the element (the legend, tooltip and data table keep its words);
// one that is drawn must be readable.
//
// Each element is mounted once per width and then switched through the four theme/language
// pairs, which redraws it without fitting again.
import { expect } from '@esm-bundle/chai';
import '../../src/define.js';
import { demoCsv } from '../../src/data/demo.js';
import { mount, settle, unmount, until } from './helpers.js';
import { collisions, covered, crossed, insideRect, markerBoxes, textBoxes } from './text-boxes.js';

const WIDTHS = [320, 375, 768, 1280] as const;
const VIEWS = [['light', 'en'], ['dark', 'en'], ['light', 'zh'], ['dark', 'zh']] as const;

const QUALITY_LAWS = JSON.stringify([
  { form: 'chinchilla', params: { A: 55.6078, B: 1205.65, E: 2.38658, alpha: 0.179818, beta: 0.34133 }, label: 'Trained on C4' },
  { form: 'chinchilla', params: { A: 67.3725, B: 278.187, E: 1.29454, alpha: 0.186604, beta: 0.251721 }, label: 'Trained on RefinedWeb' },
]);
const MODELS = JSON.stringify([
  { name: 'Chinchilla', N: 70e9, D: 1.4e12 }, { name: 'Gopher', N: 280e9, D: 300e9 },
  { name: 'Llama 3 8B', N: 8e9, D: 15e12 }, { name: 'Llama 3 405B', N: 405e9, D: 15.6e12 },
]);
const data = (file: string) => `/test/fixtures/data/${file}`;

/** The elements as demo/index.html uses them (its figures), with what shows each has drawn. */
const CASES: { name: string; markup: string; drawn: string }[] = [
  { name: 'curve, Kaplan N and N,D', markup: '<scaling-curve preset="kaplan2020-n,kaplan2020-nd" x="N" fixed-d="2.29e10" x-range="1e5 1e12" y-scale="log"></scaling-curve>', drawn: 'path.curve' },
  { name: 'curve, Epoch against C', markup: '<scaling-curve preset="besiroglu2024" x="C" x-range="1e18 1e27"></scaling-curve>', drawn: 'path.curve' },
  { name: 'curve, two laws with runs', markup: `<scaling-curve preset="hoffmann2022,besiroglu2024"><script type="text/csv">${demoCsv()}</script></scaling-curve>`, drawn: 'circle.point' },
  { name: 'curve, compute multiplier', markup: `<scaling-curve multiplier x="C" x-range="1e17 1e22" y-scale="log" law='${QUALITY_LAWS}'></scaling-curve>`, drawn: 'path.curve' },
  { name: 'calculator, four laws', markup: '<scaling-calculator laws="besiroglu2024,hoffmann2022,hoffmann2022-rounded,llama3-2024"></scaling-calculator>', drawn: 'svg.chart' },
  { name: 'calculator, GPUs and parameters', markup: '<scaling-calculator mode="gpu" gpus="1024" days="30" mfu="0.4" laws="besiroglu2024" chart="params"></scaling-calculator>', drawn: 'svg.chart' },
  { name: 'fit against N', markup: `<scaling-fit src="${data('chinchilla-svg-extracted.csv')}" drop-highest="5" x="N" budget="5.88e23"></scaling-fit>`, drawn: 'circle.point' },
  { name: 'fit against C', markup: `<scaling-fit src="${data('chinchilla-svg-extracted.csv')}" drop-highest="5" x="C" budget="1e24"></scaling-fit>`, drawn: 'circle.point' },
  { name: 'isoflop, Llama 3', markup: `<scaling-isoflop src="${data('llama3-isoflops-digitized.csv')}"></scaling-isoflop>`, drawn: 'circle.point' },
  { name: 'landscape, four models', markup: `<scaling-landscape law="besiroglu2024" models='${MODELS}'></scaling-landscape>`, drawn: 'circle.model' },
  { name: 'task, loss view', markup: `<scaling-task view="loss" src="${data('gadre2024-rpj-fit-set.csv')}" form="overtrained" loss="squared" holdout="2" columns="loss=loss_c4_val,metric=err_avg17"></scaling-task>`, drawn: 'circle.point' },
  { name: 'task, score against loss', markup: `<scaling-task view="step" src="${data('gadre2024-rpj-fit-set.csv')}" form="overtrained" loss="squared" holdout="2" chance="0.85" columns="loss=loss_c4_val,metric=err_avg17"></scaling-task>`, drawn: 'circle.point' },
  { name: 'fit against D, many runs', markup: `<scaling-fit src="${data('chinchilla-svg-extracted.csv')}" x="D"></scaling-fit>`, drawn: 'circle.point' },
  { name: 'task, Gadre fit set', markup: `<scaling-task src="${data('gadre2024-rpj-fit-set.csv')}" form="overtrained" loss="squared" holdout="2" chance="0.85" columns="loss=loss_c4_val,metric=err_avg17"></scaling-task>`, drawn: 'circle.point' },
];

describe('labels never collide, at any width', function () {
  this.timeout(180_000);
  afterEach(() => {
    unmount();
    history.replaceState(null, '', location.pathname + location.search); // the calculator's hash state
  });

  for (const c of CASES) {
    for (const width of WIDTHS) {
      it(`${c.name} at ${width} px`, async () => {
        const el = await mount(c.markup, { width });
        const svgOf = () => el.shadowRoot!.querySelector('svg.chart');
        await until(() => !!el.shadowRoot!.querySelector(c.drawn === 'svg.chart' ? c.drawn : `svg.chart ${c.drawn}`), 20000, `${c.name} drawn`);
        const problems: string[] = [];
        for (const [theme, lang] of VIEWS) {
          el.setAttribute('theme', theme);
          el.setAttribute('lang', lang);
          await settle(el);
          const svg = svgOf();
          expect(svg, `${c.name}: a chart at ${width} px (${theme}, ${lang})`).to.not.equal(null);
          const boxes = textBoxes(el.shadowRoot!);
          expect(boxes.length, 'the chart has text to check').to.be.greaterThan(3);
          const where = `${width} px, ${theme}, ${lang}`;
          for (const line of collisions(boxes)) problems.push(`${where}: ${line}`);
          for (const line of covered(boxes, markerBoxes(el.shadowRoot!))) problems.push(`${where}: ${line}`);
          for (const line of crossed(boxes, svg as SVGSVGElement)) problems.push(`${where}: ${line}`);
          const rect = el.getBoundingClientRect();
          for (const b of boxes) if (!insideRect(b, rect)) problems.push(`${where}: "${b.text}" leaves the element`);
        }
        expect(problems, `${c.name}:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
      });
    }
  }
});
