// Our straight-segment path data (src/chart/marks/path.ts, used by the line and band
// marks) against d3-shape's line()/area() with .digits(2), the code it replaced:
// d3-shape is a devDependency only as this independent oracle. Random data with gaps
// (NaN, ±Infinity, undefined pixels), lone points, empty input, huge and tiny values,
// and values sitting on the 0.005 rounding boundary.
import { expect } from '@esm-bundle/chai';
import { mulberry32 as rng } from '../fixtures/mulberry32.js';
import { area as d3area, line as d3line } from 'd3-shape';
import { areaPath, linePath } from '../../src/chart/marks/path.js';
import { line } from '../../src/chart/marks/line.js';
import { band } from '../../src/chart/marks/band.js';
import { positionScale } from '../../src/chart/scales.js';

type Row = [number, number, number];


const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 0.005, -0.005, 1.005, 2.675, -1.125, 1e-9, 1e21, -1e300, 1.7e308, 5e-324];

/** One coordinate: mostly ordinary pixels, sometimes a special value or an undefined. */
function value(r: () => number): number {
  const u = r();
  if (u < 0.12) return SPECIAL[Math.floor(r() * SPECIAL.length)];
  if (u < 0.14) return undefined as unknown as number;
  if (u < 0.3) return Math.round((r() - 0.5) * 2000) / 1000 + Math.floor(r() * 3) * 0.005;
  return (r() - 0.3) * 1000;
}

function rows(r: () => number): Row[] {
  const n = [0, 1, 2, 3][Math.floor(r() * 8)] ?? Math.floor(r() * 60);
  return Array.from({ length: n }, () => [value(r), value(r), value(r)]);
}

const ok = (...v: number[]) => v.every((x) => Number.isFinite(x));
const oracleLine = (data: Row[]) =>
  d3line<Row>().defined((d) => ok(d[0], d[1])).x((d) => d[0]).y((d) => d[1]).digits(2)(data) ?? '';
const oracleArea = (data: Row[]) =>
  d3area<Row>().defined((d) => ok(d[0], d[1], d[2])).x((d) => d[0]).y1((d) => d[1]).y0((d) => d[2]).digits(2)(data) ?? '';

describe('chart marks: path data', () => {
  it('linePath and areaPath match d3-shape on 3000 random inputs', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const data = rows(rng(seed));
      const pairs = data.map(([x, y]) => [x, y]);
      expect(linePath(pairs), `line, seed ${seed}: ${JSON.stringify(data)}`).to.equal(oracleLine(data));
      expect(areaPath(data), `area, seed ${seed}: ${JSON.stringify(data)}`).to.equal(oracleArea(data));
    }
  });

  it('edge cases: empty, all gaps, a lone point, a lone point between gaps', () => {
    const cases: Row[][] = [
      [],
      [[NaN, 1, 2], [Infinity, 1, 2]],
      [[1, 2, 3]],
      [[NaN, 0, 0], [1.234, 5.678, 9.1], [0, -Infinity, 0], [2, 3, 4], [5, 6, 7]],
      [[0.125, 0.135, 0.145], [1e21, 2, 3], [-0.001, -0.004, 0.994]],
    ];
    for (const data of cases) {
      expect(linePath(data.map(([x, y]) => [x, y])), JSON.stringify(data)).to.equal(oracleLine(data));
      expect(areaPath(data), JSON.stringify(data)).to.equal(oracleArea(data));
    }
    expect(linePath([[1, 2]])).to.equal('M1,2Z');
    expect(areaPath([[1, 2, 3]])).to.equal('M1,2L1,3Z');
    expect(linePath([[1.5, 2.25], [3.004, 4.006]])).to.equal('M1.5,2.25L3,4.01');
  });

  it('the line and band marks draw what d3-shape drew through the same scales', () => {
    const x = positionScale('log', [1e8, 1e12], [40, 600]);
    const y = positionScale('linear', [1.5, 4], [380, 20]);
    const r = rng(42);
    const data = Array.from({ length: 200 }, (_, i) => ({
      x: i === 17 ? -1 : 10 ** (8 + (4 * i) / 199),
      y: i === 60 ? NaN : 1.5 + 2.5 * r(),
      lo: 1.4 + r(),
      hi: i === 120 ? Infinity : 2.5 + r(),
    }));
    type D = (typeof data)[number];
    const fin = Number.isFinite;
    const wantLine = d3line<D>().defined((d) => fin(x(d.x)) && fin(y(d.y))).x((d) => x(d.x)).y((d) => y(d.y)).digits(2)(data);
    const wantBand = d3area<D>()
      .defined((d) => fin(x(d.x)) && fin(y(d.lo)) && fin(y(d.hi)))
      .x((d) => x(d.x)).y0((d) => y(d.lo)).y1((d) => y(d.hi)).digits(2)(data);
    expect(line(data, { x, y }).querySelector('path')!.getAttribute('d')).to.equal(wantLine);
    expect(band(data, { x, y }).querySelector('path')!.getAttribute('d')).to.equal(wantBand);
    expect(line([], { x, y }).querySelector('path')!.getAttribute('d')).to.equal('');
  });
});
