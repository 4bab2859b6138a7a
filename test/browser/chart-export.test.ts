// Exports (src/chart/export.ts, law-python.ts, law-latex.ts): CSV back
// through d3-dsv, SVG through DOMParser, PNG bytes, and laws as code.
import { expect } from '@esm-bundle/chai';
import { csvParseRows } from 'd3-dsv';
import { serializeSvg, svgToPng, toCsv, toJson, guardCell } from '../../src/chart/export.js';
import { lawToPython, lawsToPython, pyFloat, pythonName } from '../../src/chart/law-python.js';
import { lawToLatex, lawToLatexSymbolic, latexConstants, lawLatexBlock, texNumber } from '../../src/chart/law-latex.js';
import { chartSvg, makeFrame, xRange, yRange } from '../../src/chart/frame.js';
import { line } from '../../src/chart/marks/line.js';
import { exposeMarks, points } from '../../src/chart/marks/points.js';
import { positionScale } from '../../src/chart/scales.js';
import { PRESETS } from '../../src/core/presets.js';
import type { Law } from '../../src/core/forms-eval.js';

const LAWS: Law[] = [
  { form: 'chinchilla', params: { E: Math.exp(0.5267228), A: Math.exp(6.0073404), B: Math.exp(6.0179186), alpha: 0.33917084, beta: 0.2849083 } },
  { form: 'kaplan', params: { Nc: 6.4e13, Dc: 1.8e13, alphaN: 0.076, alphaD: 0.103 } },
  { form: 'power', variable: 'C', params: { xc: 2.6784e28, alpha: 0.05 } },
  { form: 'saturating', variable: 'N', params: { E: 1.7, A: 400, alpha: 0.3 } },
  { form: 'data-constrained', params: { E: 1.87, A: 520.82, B: 1487.7, alpha: 0.3526596, beta: 0.3526596, RN: 5.309743, RD: 15.387756 } },
  { form: 'overtrained', params: { E: 1.5, a: 100, b: 50, eta: 0.05 } },
  { form: 'broken', variable: 'N', params: { a: 1.5, b: 300, c0: 0.3, breaks: [{ c: 0.1, d: 1e9, f: 0.5 }, { c: -0.05, d: 1e11, f: 1 }] } },
];

function constants(law: Law): number[] {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(law.params);
  return out;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect(Array.from(bytes.slice(0, 8))).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).to.equal('IHDR');
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; `c` is one code point or a lone surrogate. */
function isXmlChar(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

describe('chart export', () => {
  let host: HTMLDivElement;
  let svg: SVGSVGElement;

  beforeEach(() => {
    host = document.createElement('div');
    host.style.color = 'rgb(10, 20, 30)';
    host.style.background = 'rgb(250, 240, 230)';
    document.body.append(host);
    const frame = makeFrame(400, 300);
    const x = positionScale('log', [1e8, 1e12], xRange(frame));
    const y = positionScale('linear', [1.5, 4], yRange(frame));
    const built = chartSvg(frame, 'A test chart of <loss>');
    svg = built.svg;
    const data = [1e8, 1e9, 1e10, 1e11, 1e12].map((n) => ({ x: n, y: 1.7 + 400 / n ** 0.34 }));
    svg.append(line(data, { x, y }, { className: 'series-0', clipId: built.clipId }));
    host.append(svg);
    (svg.querySelector('path.curve') as SVGPathElement).style.stroke = 'currentColor';
    (svg.querySelector('path.curve') as SVGPathElement).style.fill = 'none';
  });

  afterEach(() => host.remove());

  it('CSV round-trips through d3-dsv csvParseRows, quotes, commas and newlines included', () => {
    const columns = ['name', 'N', 'loss'];
    const rows = [['a, "quoted" name', 1e9, 2.5], ['line\nbreak', 7e10, 1.9876543210123], ['plain', 1, null]];
    const parsed = csvParseRows(toCsv(columns, rows));
    expect(parsed[0]).to.deep.equal(columns);
    expect(parsed[1]).to.deep.equal(['a, "quoted" name', '1000000000', '2.5']);
    expect(parsed[2]).to.deep.equal(['line\nbreak', '70000000000', '1.9876543210123']);
    expect(parsed[3]).to.deep.equal(['plain', '1', '']);
  });

  it('CSV text that a spreadsheet would run as a formula gets a leading apostrophe; numbers do not', () => {
    expect(guardCell('=HYPERLINK("x")')).to.equal(`'=HYPERLINK("x")`);
    expect(guardCell('@SUM(A1)')).to.equal(`'@SUM(A1)`);
    expect(guardCell(-1.5)).to.equal(-1.5);
    // after leading whitespace (importers may trim it), and in fullwidth forms
    expect(guardCell('  =1+1')).to.equal(`'  =1+1`);
    expect(guardCell('\u00A0@cmd')).to.equal(`'\u00A0@cmd`);
    expect(guardCell('\n-2+3')).to.equal(`'\n-2+3`);
    expect(guardCell('\uFF1D1+1')).to.equal(`'\uFF1D1+1`);
    expect(guardCell('\tx')).to.equal(`'\tx`);
    expect(guardCell('\rx')).to.equal(`'\rx`);
    // text that is one plain number cannot run and keeps its value
    for (const n of ['-1', '+2.5', '-.5e-3', '1E+21', ' -7']) expect(guardCell(n)).to.equal(n);
    for (const t of ['-1+2', '-1e', '+-1', '-Infinity', '=1']) expect(guardCell(t)).to.equal(`'${t}`);
    expect(guardCell('GPT-3 (175B)')).to.equal('GPT-3 (175B)');
    expect(csvParseRows(toCsv(['=cmd'], [[1]]))[0]).to.deep.equal([`'=cmd`]);
  });

  it('JSON keeps full precision', () => {
    const law = PRESETS.find((p) => p.id === 'hoffmann2022')!;
    expect(JSON.parse(toJson(law))).to.deep.equal(JSON.parse(JSON.stringify(law)));
    expect(toJson({ E: Math.exp(0.5267228) })).to.contain(String(Math.exp(0.5267228)));
  });

  it('serializeSvg makes a standalone SVG that DOMParser reads, with inlined colours, a background and a title', () => {
    const text = serializeSvg(svg);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')?.textContent ?? 'well-formed').to.equal('well-formed');
    const root = doc.documentElement;
    expect(root.localName).to.equal('svg');
    expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    const path = root.querySelector('path.curve')!;
    expect(path.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
    expect(path.getAttribute('stroke')).to.equal('rgb(10, 20, 30)');
    expect(path.getAttribute('fill')).to.equal('none');
    expect(root.querySelector('rect.background')!.getAttribute('fill')).to.equal('rgb(250, 240, 230)');
    expect(root.querySelector('title')!.textContent).to.equal('A test chart of <loss>');
    expect(root.getAttribute('viewBox')).to.equal('0 0 400 300');
  });

  it('an exported chart is one image again: the page makes a chart with focusable marks a group, a file has nothing to focus', () => {
    const frame = makeFrame(400, 300);
    const x = positionScale('log', [1e8, 1e12], xRange(frame)), y = positionScale('linear', [1.5, 4], yRange(frame));
    svg.append(points([{ x: 1e9, y: 2 }, { x: 1e10, y: 1.9 }], { x, y }, { x: (d) => d.x, y: (d) => d.y, label: (d) => `N = ${d.x}` }));
    exposeMarks(svg);
    expect(svg.getAttribute('role')).to.equal('group');
    const root = new DOMParser().parseFromString(serializeSvg(svg), 'image/svg+xml').documentElement;
    expect(root.getAttribute('role')).to.equal('img');
    expect(root.querySelectorAll('[tabindex]').length).to.equal(0);
    expect(svg.getAttribute('role')).to.equal('group'); // the page's chart is left as it was
  });

  it('regression: serializeSvg replaces characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF) in text and attributes', () => {
    // Allowed (XML 1.0 §2.2 Char): tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, paired surrogates.
    const bad = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF'];
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    svg.append(text);
    const problems: string[] = [];
    // Each alone, then all at once (spaced: U+D800 U+DFFF side by side would be a valid pair).
    for (const [ch, fixed] of [...bad.map((c) => [c, '\uFFFD']), [bad.join(' '), bad.map(() => '\uFFFD').join(' ')]]) {
      const name = `loss${ch}|tab\there|😀|é`;
      const want = `loss${fixed}|tab\there|😀|é`;
      text.textContent = name;
      text.setAttribute('data-column', name);
      svg.setAttribute('aria-label', name);
      const out = serializeSvg(svg);
      const code = [...ch].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      // The parser turns lone surrogates into U+FFFD itself, so check the text too.
      if (![...out].every(isXmlChar)) problems.push(`${code}: left in the text`);
      const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
      // The parser's message, not the element: a DOM node in a failed assertion stalls the runner.
      const error = doc.querySelector('parsererror');
      if (error) { problems.push(`${code}: ${error.textContent}`); continue; }
      const root = doc.documentElement, parsed = root.querySelector('text[data-column]')!;
      const got = [parsed.textContent, parsed.getAttribute('data-column'), root.getAttribute('aria-label'), root.querySelector('title')!.textContent];
      if (got.some((v) => v !== want)) problems.push(`${code}: ${JSON.stringify(got)}`);
    }
    expect(problems).to.deep.equal([]);
    // The page's own chart is left as it was.
    expect(text.textContent).to.equal(`loss${bad.join(' ')}|tab\there|😀|é`);
  });

  it('svgToPng draws the SVG offline into a real PNG of 2× its size', async () => {
    const blob = await svgToPng(serializeSvg(svg), 400, 300, 2);
    expect(blob.type).to.equal('image/png');
    expect(await pngSize(blob)).to.deep.equal({ width: 800, height: 600 });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(800, 600);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const corner = ctx.getImageData(2, 2, 1, 1).data;
    expect(Array.from(corner)).to.deep.equal([250, 240, 230, 255]);
    // Somewhere the curve is drawn in the text colour.
    const pixels = ctx.getImageData(0, 0, 800, 600).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 60 && pixels[i + 1] < 60 && pixels[i + 2] < 60) dark++;
    expect(dark).to.be.greaterThan(200);
  });

  it('pyFloat writes every double so that Python reads it back exactly', () => {
    expect(pyFloat(20)).to.equal('20.0');
    expect(pyFloat(0.1)).to.equal('0.1');
    expect(pyFloat(6.4e13)).to.equal('64000000000000.0');
    expect(pyFloat(2.6784e28)).to.equal('2.6784e+28');
    expect(pyFloat(Math.exp(0.5267228))).to.equal(String(Math.exp(0.5267228)));
    expect(pythonName('kaplan2020-nd')).to.equal('L_kaplan2020_nd');
  });

  for (const law of LAWS) {
    it(`Python for ${law.form} has the right signature and every constant at full precision`, () => {
      const code = lawToPython(law, { label: 'Test """law"""' });
      const args = law.form === 'data-constrained' ? 'N, D, U' : 'variable' in law ? law.variable : 'N, D';
      expect(code).to.contain(`def L(${args}):`);
      expect(code).to.match(/\n {4}return /);
      for (const c of constants(law)) expect(code, String(c)).to.contain(pyFloat(c));
      expect(code.includes('import math')).to.equal(law.form === 'data-constrained' || law.form === 'broken');
      expect(code).to.not.contain('numpy');
      expect(code.match(/"""/g)!.length, 'label quotes escaped').to.equal(2);
    });

    it(`LaTeX for ${law.form} is a balanced equation with its constants`, () => {
      for (const tex of [lawToLatexSymbolic(law), lawToLatex(law)]) {
        expect(tex).to.match(/^L\(/);
        let depth = 0;
        for (const ch of tex) { depth += ch === '{' ? 1 : ch === '}' ? -1 : 0; expect(depth).to.be.at.least(0); }
        expect(depth).to.equal(0);
        expect((tex.match(/\\left/g) ?? []).length).to.equal((tex.match(/\\right/g) ?? []).length);
      }
      expect(latexConstants(law)).to.contain('=');
    });
  }

  it('LaTeX for Chinchilla is E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}, and with numbers', () => {
    expect(lawToLatexSymbolic(LAWS[0])).to.equal('L(N, D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}');
    expect(lawToLatex(LAWS[0])).to.equal('L(N, D) = 1.693 + \\frac{406.4}{N^{0.3392}} + \\frac{410.7}{D^{0.2849}}');
    expect(texNumber(6.4e13)).to.equal('6.4 \\times 10^{13}');
    expect(texNumber(1e21)).to.equal('10^{21}');
    const block = lawLatexBlock(LAWS[0], 'Hoffmann\n2022');
    expect(block).to.contain('% Hoffmann 2022');
    expect(block.match(/\\begin\{equation\}/g)!.length).to.equal(2);
  });

  it('lawsToPython writes one module with one function per law and a single import', () => {
    const code = lawsToPython(LAWS.map((law, i) => ({ law, name: `L_${i}`, label: law.form })), 'header');
    for (let i = 0; i < LAWS.length; i++) expect(code).to.contain(`def L_${i}(`);
    expect(code.match(/^import math$/gm)!.length).to.equal(1);
    expect(code.startsWith('# header\nimport math')).to.equal(true);
  });
});
