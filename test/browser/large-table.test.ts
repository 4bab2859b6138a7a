// Issue #12: a <scaling-fit> with 10,000 inline runs blocked the page for
// seconds in one task, laying out a hidden data table of every run and
// drawing every run as a focusable, aria-labelled mark. The table now holds
// at most 1,000 runs plus a row saying how many there are (the CSV export has
// them all), and only the first 500 marks are focusable and labelled
// (A11Y_LIMITS in src/chart/a11y.ts). Nothing here asserts on time.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { mountWith, unmount } from './helpers.js';
import { syntheticCsv } from '../fixtures/synthetic-csv.js';

/** The caps this test holds the element to (A11Y_LIMITS). */
const TABLE_ROWS = 1000;
const FOCUSABLE_MARKS = 500;
const RUNS = 5000;


/** A <scaling-fit> holding `rows` runs inline. */
function fitOf(rows: number, lang?: string): ScalingFit {
  const el = document.createElement('scaling-fit') as ScalingFit;
  if (lang) el.setAttribute('lang', lang);
  const script = document.createElement('script');
  script.type = 'text/csv';
  script.textContent = syntheticCsv(rows);
  el.append(script);
  return el;
}

/** Mounts a fit in a 720 px box; resolves once it is fitted, drawn, and its hidden table has followed (a task later). */
const mount = mountWith<ScalingFit>({ width: 720, fit: 30000, ready: (el) => !!table(el) });

const table = (el: ScalingFit) => el.shadowRoot!.querySelector<HTMLTableElement>('.visually-hidden table');
const points = (el: ScalingFit) => el.shadowRoot!.querySelector<SVGGElement>('svg.chart g.points')!;
/** Text without the isolates (U+2068 … U+2069) around user text. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

describe('<scaling-fit> with thousands of runs', () => {
  afterEach(() => {
    unmount();
  });

  it(`caps the hidden table at ${TABLE_ROWS} rows and says how many runs there are`, async function () {
    this.timeout(60000);
    const el = await mount(fitOf(RUNS));
    const t = table(el);
    expect(t, 'hidden table').to.not.equal(null);
    const rows = t!.tBodies[0].rows;
    expect(rows.length).to.be.at.most(TABLE_ROWS + 1);
    expect(rows.length).to.be.at.least(TABLE_ROWS);
    expect(plain(t!.caption?.textContent)).to.contain(String(RUNS));
    const last = plain(rows[rows.length - 1].textContent);
    expect(last).to.equal('First 1,000 of 5,000 runs; export CSV for all.');
    expect(rows[rows.length - 1].cells[0].colSpan).to.equal(t!.tHead!.rows[0].cells.length);
    // The first rows, in the table's order: row 1 of the data first.
    expect(plain(rows[0].cells[0].textContent)).to.equal('1');
  });

  it(`makes at most ${FOCUSABLE_MARKS} marks focusable; the rest are drawn plain and aria-hidden`, async function () {
    this.timeout(60000);
    const el = await mount(fitOf(RUNS));
    const g = points(el);
    const circles = g.querySelectorAll('circle.point');
    expect(circles.length, 'every run is drawn').to.equal(RUNS);
    const focusable = g.querySelectorAll('circle[tabindex]');
    expect(focusable.length).to.be.at.most(FOCUSABLE_MARKS);
    expect(focusable.length).to.be.greaterThan(0);
    expect(g.querySelectorAll('circle[tabindex="0"]').length, 'one tab stop').to.equal(1);
    expect(g.querySelectorAll('circle[aria-label]').length).to.be.at.most(FOCUSABLE_MARKS);
    expect(g.querySelectorAll('circle[aria-hidden="true"]').length).to.equal(RUNS - focusable.length);
    expect(g.getAttribute('aria-label')).to.equal('5,000 runs; only the first 500 can be reached with the keyboard.');
    expect(focusable[0].getAttribute('aria-label')).to.contain('Row 1 of the data');
  });

  it('says so in Chinese', async function () {
    this.timeout(60000);
    const el = await mount(fitOf(RUNS, 'zh'));
    const rows = table(el)!.tBodies[0].rows;
    expect(plain(rows[rows.length - 1].textContent)).to.equal('仅列出 5,000 次实验中的前 1,000 次；导出 CSV 可获取全部。');
    expect(points(el).getAttribute('aria-label')).to.equal('共 5,000 次实验；只有前 500 个点可用键盘访问。');
  });

  it('keeps every row and every focusable mark below the caps', async function () {
    this.timeout(60000);
    const el = await mount(fitOf(300));
    expect(table(el)!.tBodies[0].rows.length).to.equal(300);
    expect(table(el)!.querySelector('tr.more')).to.equal(null);
    const g = points(el);
    expect(g.querySelectorAll('circle[tabindex]').length).to.equal(g.querySelectorAll('circle.point').length);
    expect(g.querySelectorAll('circle[aria-hidden]').length).to.equal(0);
    expect(g.hasAttribute('aria-label')).to.equal(false);
  });
});
