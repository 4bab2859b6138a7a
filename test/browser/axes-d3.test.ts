// src/chart/axes.ts draws its axes itself; this checks the markup is d3-axis's, node for node
// and attribute for attribute, by drawing the same axes the way the code did before (d3-axis
// through d3-selection with tickValues, tickSizeOuter 0 and tickPadding 5, then our labels
// and the font attributes removed) and comparing the serialised SVG.
import { expect } from '@esm-bundle/chai';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { scaleLinear, scaleLog } from 'd3-scale';
import { axisTicks, axisX, axisY, writeLabel, type AxisOptions } from '../../src/chart/axes.js';
import { makeFrame, xRange, yRange } from '../../src/chart/frame.js';
import { positionScale, type ScaleType } from '../../src/chart/scales.js';
import { group } from '../../src/chart/svg.js';
import { tickLabel } from '../../src/chart/ticks.js';

/** The axis as d3-axis drew it, with the labels and cleanup the old axes.ts applied. */
function d3Axis(side: 'x' | 'y', type: ScaleType, domain: [number, number], range: [number, number], o: AxisOptions, transform: string, spacing: number): SVGGElement {
  const scale = (type === 'log' ? scaleLog() : scaleLinear()).domain(domain).range(range);
  const ticks = axisTicks(positionScale(type, domain, range), o, Math.abs(range[1] - range[0]), spacing);
  const g = group(`axis axis-${side}`, { part: `axis axis-${side}`, transform });
  select(g).call((side === 'x' ? axisBottom(scale) : axisLeft(scale)).tickValues(ticks.major).tickSizeOuter(0).tickPadding(5));
  g.removeAttribute('font-size');
  g.removeAttribute('font-family');
  const step = ticks.major.length > 1 ? Math.abs(ticks.major[1] - ticks.major[0]) : undefined;
  select(g).selectAll<SVGGElement, number>('.tick').each(function (d) {
    writeLabel(this.querySelector('text')!, tickLabel(o.quantity, d, step));
  });
  return g;
}

/** Our axis without what d3-axis never drew (minor ticks, the title). */
function withoutExtras(g: SVGGElement): string {
  const copy = g.cloneNode(true) as SVGGElement;
  copy.querySelectorAll('.minor-ticks, .axis-title').forEach((n) => n.remove());
  return copy.outerHTML;
}

const CASES: { type: ScaleType; domain: [number, number]; o: AxisOptions }[] = [
  { type: 'log', domain: [1e7, 1e12], o: { type: 'log', quantity: 'count' } },
  { type: 'log', domain: [6e18, 3e21], o: { type: 'log', quantity: 'flops' } },
  { type: 'log', domain: [2.1e8, 9.7e8], o: { type: 'log', quantity: 'count' } },
  { type: 'log', domain: [1.8, 4.2], o: { type: 'log', quantity: 'decimal' } },
  { type: 'linear', domain: [1.7, 3.45], o: { type: 'linear', quantity: 'decimal' } },
  { type: 'linear', domain: [-0.031, 0.047], o: { type: 'linear', quantity: 'decimal' } },
];

describe('axes drawn without d3-axis', () => {
  for (const c of CASES) {
    it(`match d3-axis markup on a ${c.type} ${c.o.quantity} axis over [${c.domain}]`, () => {
      const frame = makeFrame(640, 400);
      const x = positionScale(c.type, c.domain, xRange(frame));
      const ours = axisX(x, frame, { ...c.o, title: 'T' });
      const yTransform = `translate(0,${frame.height - frame.margin.bottom})`;
      expect(withoutExtras(ours)).to.equal(d3Axis('x', c.type, c.domain, xRange(frame), c.o, yTransform, c.o.quantity === 'flops' ? 64 : 56).outerHTML);
      const y = positionScale(c.type, c.domain, yRange(frame));
      const left = axisY(y, frame, c.o);
      expect(withoutExtras(left)).to.equal(d3Axis('y', c.type, c.domain, yRange(frame), c.o, `translate(${frame.margin.left},0)`, 36).outerHTML);
      expect(ours.querySelectorAll('.tick').length).to.be.greaterThan(1);
    });
  }
});
