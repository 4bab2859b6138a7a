// The README's blog section, run. scripts/build-blogs.mjs builds a Hugo site and an
// Eleventy site from its snippets as they stand (asked for with a server command, so
// this file runs alone and in any browser); each built page is opened here in an
// iframe, served like any file of the repository.
//
// Every element must draw, and a fit must fit every run of its CSV, blank lines in a
// Hugo shortcode included. The one exception is a fit whose CSV sits in raw HTML with
// blank lines: there the Markdown renderer must really have put paragraph tags inside
// the data (checked in the built page, against the CSV that was written), and the
// element must say so in the words that tell an author what to do.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { inlineMarkup } from '../../src/elements/controllers/runs-input.js';
import { COMMON } from '../../src/i18n/common.js';
import { format } from '../../src/i18n/tables.js';
import { isolate } from '../../src/chart/isolate.js';
import { until } from './helpers.js';

/** One element a page should hold, as scripts/build-blogs.mjs wrote it; a fit also has its CSV and run count. */
interface Expected { tag: string; via: 'shortcode' | 'html'; blankLines: boolean; csv?: string; runs?: number }
interface BuiltPage { site: string; title: string; url: string; elements: Expected[] }
type Built = { pages: BuiltPage[]; seconds: number } | { error: string };

type Fit = HTMLElement & { result?: { runs: number; converged: boolean } };

/** How long a page's elements may take to draw on a slow CI core. */
const DRAW_TIMEOUT = 45_000;

// Built before the tests are declared (one per page); a build that fails becomes one failing test.
const built = await executeServerCommand<Built, undefined>('build-blog-sites').catch((e: unknown): Built => ({ error: String(e) }));

/** Loads `url` into an iframe of `width` px and resolves with its document after the load event. */
async function open(url: string, width = 900): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0`;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return { frame, doc: frame.contentDocument! };
}

const scalingElements = (doc: Document): HTMLElement[] =>
  Array.from(doc.querySelectorAll<HTMLElement>('*')).filter((el) => el.localName.startsWith('scaling-'));

/** The error boxes (a fit's warnings about itself are alerts too, and belong on the page). */
const alertText = (el: HTMLElement): string =>
  Array.from(el.shadowRoot?.querySelectorAll('.error[role="alert"]') ?? [], (a) => a.textContent?.trim() ?? '').filter(Boolean).join(' | ');

/** Curves drawn (paths with a real shape): axes and ticks alone are not a chart. */
const marks = (el: HTMLElement): number =>
  Array.from(el.shadowRoot?.querySelectorAll('svg [part~="line"] path') ?? []).filter((p) => (p.getAttribute('d') ?? '').length > 20).length;

const hasResult = (el: HTMLElement): boolean => !('result' in el) || (el as Fit).result !== undefined;

/** The text of a fit's own <script type="text/csv">, as the browser parsed the built page. */
const inlineCsv = (el: HTMLElement): string => el.querySelector('script[type="text/csv"]')?.textContent ?? '';

/** What a fit whose data a renderer split shows: the inline-markup message, naming the tag it found. */
const markupMessage = (tag: string): string => format(COMMON.en.fitErrInlineMarkup, { tag: isolate(tag) });

describe("the README's blog snippets, built with Hugo and Eleventy", function () {
  this.timeout(120_000);

  if ('error' in built) {
    it('builds the sites', () => {
      throw new Error(built.error);
    });
    return;
  }

  it('built a Hugo page and an Eleventy page with a fit drawn and one split by the renderer', () => {
    for (const site of ['hugo', 'eleventy']) {
      const fits = built.pages.filter((p) => p.site === site).flatMap((p) => p.elements).filter((e) => e.tag === 'scaling-fit');
      expect(fits.some((f) => f.via === 'html' && f.blankLines), `${site}: a raw-HTML fit with blank lines`).to.equal(true);
      expect(fits.some((f) => !(f.via === 'html' && f.blankLines)), `${site}: a fit that should draw`).to.equal(true);
    }
    expect(built.pages.some((p) => p.site === 'hugo' && p.elements.some((e) => e.via === 'shortcode' && e.blankLines)), 'a shortcode fit with blank lines').to.equal(true);
  });

  for (const page of built.pages) {
    it(`${page.site}: "${page.title}" draws every element, or says its data was split`, async () => {
      const { frame, doc } = await open(page.url);
      try {
        // The bundle is loaded once, however many shortcodes the page has.
        const scripts = Array.from(doc.querySelectorAll('script[src]'), (s) => s.getAttribute('src') ?? '').filter((s) => s.endsWith('/scaling-kit.min.js'));
        expect(scripts.length, 'scripts loading the bundle').to.equal(1);
        const elements = scalingElements(doc);
        expect(elements.map((el) => el.localName)).to.deep.equal(page.elements.map((e) => e.tag));
        for (const el of elements) expect(!!doc.defaultView!.customElements.get(el.localName), `<${el.localName}> defined`).to.equal(true);

        await until(() => elements.every((el) => alertText(el) !== '' || (marks(el) > 0 && hasResult(el))), DRAW_TIMEOUT, 'every element drawn or showing an error');

        elements.forEach((el, i) => {
          const want = page.elements[i];
          const name = `<${want.tag}> ${i + 1} (${want.via}${want.blankLines ? ', blank lines' : ''})`;
          if (want.tag === 'scaling-fit' && want.via === 'html' && want.blankLines) {
            // Written as plain CSV; the renderer, not the author, put the markup in.
            expect(inlineMarkup(want.csv!), `${name}: the CSV as written`).to.equal(undefined);
            const tag = inlineMarkup(inlineCsv(el));
            expect(tag, `${name}: the renderer left markup in the data`).to.be.a('string');
            expect(alertText(el), name).to.include(markupMessage(tag!));
            expect((el as Fit).result, `${name}: no fit from split data`).to.equal(undefined);
            return;
          }
          expect(alertText(el), `${name} shows an error`).to.equal('');
          expect(marks(el), `${name}: marks drawn`).to.be.greaterThan(0);
          if (want.tag !== 'scaling-fit') return;
          // The data arrived whole (blank lines kept where the shortcode passed them), and every run was fitted and drawn.
          expect(inlineCsv(el).trim(), `${name}: the CSV in the page`).to.equal(want.csv!.trim());
          const result = (el as Fit).result!;
          expect(result.runs, `${name}: runs fitted`).to.equal(want.runs);
          expect(result.converged, `${name}: converged`).to.equal(true);
          expect(el.shadowRoot!.querySelectorAll('svg [part~="points"] > *').length, `${name}: runs drawn`).to.equal(want.runs);
        });
      } finally {
        frame.remove();
      }
    });
  }
});
