// Tick values and labels on scaling-law axes (src/chart/ticks.ts, axes.ts):
// SI counts, FLOPs with a real superscript, decimals for loss.
import { expect } from '@esm-bundle/chai';
import { formatCount, formatFlops, formatDecimal, formatValue, labelText, logTicks, superscript } from '../../src/chart/ticks.js';
import { axisX, axisY } from '../../src/chart/axes.js';
import { makeFrame, xRange, yRange } from '../../src/chart/frame.js';
import { positionScale, logDomain, linearDomain, logBin } from '../../src/chart/scales.js';
import { zoomDomain, panDomain } from '../../src/chart/zoom.js';

const texts = (g: Element) => Array.from(g.querySelectorAll('.tick text'), (t) => t.textContent);

describe('chart ticks', () => {
  it('formatCount labels counts with SI suffixes: 1e9 → 1B, 1e12 → 1T', () => {
    expect(formatCount(1e9).text).to.equal('1B');
    expect(formatCount(1e12).text).to.equal('1T');
    expect(formatCount(2e10).text).to.equal('20B');
    expect(formatCount(7e10).text).to.equal('70B');
    expect(formatCount(1.4e12).text).to.equal('1.4T');
    expect(formatCount(1e6).text).to.equal('1M');
    expect(formatCount(5e3).text).to.equal('5K');
    expect(formatCount(500).text).to.equal('500');
    expect(formatCount(999.9e9).text, 'rounding carries into the next unit').to.equal('1T');
  });

  it('formatCount switches to powers of ten from 10^15', () => {
    expect(formatCount(1e15)).to.deep.equal({ text: '10', sup: '15' });
    expect(formatCount(3e16)).to.deep.equal({ text: '3×10', sup: '16' });
  });

  it('formatFlops writes 1e21 as 10 with superscript 21, and 3e21 as 3×10^21', () => {
    expect(formatFlops(1e21)).to.deep.equal({ text: '10', sup: '21' });
    expect(formatFlops(3e21)).to.deep.equal({ text: '3×10', sup: '21' });
    expect(formatFlops(5.76e23, 3)).to.deep.equal({ text: '5.76×10', sup: '23' });
    expect(formatFlops(9.999e21, 3)).to.deep.equal({ text: '10', sup: '22' });
    expect(formatFlops(1e-3)).to.deep.equal({ text: '10', sup: '−3' });
  });

  it('labelText uses Unicode superscript digits for plain-text places', () => {
    expect(superscript('21')).to.equal('²¹');
    expect(labelText(formatFlops(1e21))).to.equal('10²¹');
    expect(labelText(formatFlops(3e21))).to.equal('3×10²¹');
    expect(formatValue('flops', 1.7e20)).to.equal('1.7×10²⁰');
    expect(formatValue('count', 1.234e9)).to.equal('1.234B');
  });

  it('formatDecimal shows the places the tick step needs', () => {
    expect(formatDecimal(2.5, 0.5).text).to.equal('2.5');
    expect(formatDecimal(2, 0.5).text).to.equal('2.0');
    expect(formatDecimal(2.25, 0.05).text).to.equal('2.25');
    expect(formatDecimal(3, 1).text).to.equal('3');
    expect(formatDecimal(2.34567).text).to.equal('2.346');
  });

  it('logTicks gives one tick per decade over long spans and 1-2-5 over short ones', () => {
    expect(logTicks([1e18, 1e26], 10).major).to.deep.equal([1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26]);
    expect(logTicks([1e18, 1e26], 5).major).to.deep.equal([1e18, 1e20, 1e22, 1e24, 1e26]);
    expect(logTicks([1e18, 1e26], 4).major, 'never more labels than asked').to.deep.equal([1e18, 1e21, 1e24]);
    expect(logTicks([1e9, 1e11], 10).major).to.deep.equal([1e9, 2e9, 5e9, 1e10, 2e10, 5e10, 1e11]);
    const short = logTicks([2e9, 9e9], 6).major;
    expect(short[0]).to.be.at.least(2e9);
    expect(short.length).to.be.within(2, 8);
  });

  it('logTicks adds unlabelled minor ticks between decades', () => {
    const { major, minor } = logTicks([1e7, 1e12], 8);
    expect(major).to.deep.equal([1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
    expect(minor).to.include(2e9);
    expect(minor).to.not.include(1e9);
  });

  it('axisX on parameters reads 10M … 1T', () => {
    const frame = makeFrame(640, 400);
    const x = positionScale('log', [1e7, 1e12], xRange(frame));
    const g = axisX(x, frame, { type: 'log', quantity: 'count', title: 'Parameters N' });
    expect(texts(g)).to.deep.equal(['10M', '100M', '1B', '10B', '100B', '1T']);
    expect(g.querySelector('.axis-title')?.textContent).to.equal('Parameters N');
  });

  it('axisX on FLOPs draws the exponent as a raised <tspan class="sup">', () => {
    const frame = makeFrame(640, 400);
    const x = positionScale('log', [1e18, 1e24], xRange(frame));
    const g = axisX(x, frame, { type: 'log', quantity: 'flops' });
    const label = Array.from(g.querySelectorAll('.tick text')).find((t) => t.textContent === '1021')!;
    expect(label, 'a tick for 1e21').to.exist;
    const sup = label.querySelector('tspan.sup')!;
    expect(sup.textContent).to.equal('21');
    expect(sup.getAttribute('dy')).to.match(/^-/);
    expect(label.firstChild!.textContent).to.equal('10');
  });

  it('axisY on loss reads plain decimals', () => {
    const frame = makeFrame(640, 400);
    const y = positionScale('linear', [2, 3.5], yRange(frame));
    const labels = texts(axisY(y, frame, { type: 'linear', quantity: 'decimal' }));
    expect(labels[0]).to.equal('2.0');
    expect(labels.length).to.be.within(4, 10);
    for (const l of labels) expect(l).to.match(/^\d\.\d$/);
  });

  it('scales pad domains and bin model sizes', () => {
    const [a, b] = logDomain([1e8, 1e10], 0.05);
    expect(a).to.be.closeTo(10 ** 7.9, 1e-6 * 10 ** 7.9);
    expect(b).to.be.closeTo(10 ** 10.1, 1e-6 * 10 ** 10.1);
    expect(linearDomain([2.1, 3.4])).to.deep.equal([2, 3.6]);
    expect(linearDomain([2.1, 3.4], 0, false)).to.deep.equal([2.1, 3.4]);
    expect(logBin(1e8, [1e8, 1e10], 6)).to.equal(0);
    expect(logBin(1e10, [1e8, 1e10], 6)).to.equal(5);
  });

  it('zoomDomain zooms about a point in log space; panDomain shifts by a fraction', () => {
    const [a, b] = zoomDomain([1e8, 1e12], 1e10, 0.5, 'log');
    expect(Math.log10(a)).to.be.closeTo(9, 1e-12);
    expect(Math.log10(b)).to.be.closeTo(11, 1e-12);
    const [c, d] = panDomain([1e8, 1e12], 0.25, 'log');
    expect(Math.log10(c)).to.be.closeTo(9, 1e-12);
    expect(Math.log10(d)).to.be.closeTo(13, 1e-12);
  });
});
