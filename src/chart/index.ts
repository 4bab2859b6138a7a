/**
 * The chart layer: scales, ticks, axes, marks and exports as small pure
 * functions that return detached SVG nodes or data. Elements assemble them;
 * nothing here defines an element or reaches into the page.
 */

export * from './svg.js';
export * from './isolate.js';
export * from './frame.js';
export * from './scales.js';
export * from './ticks.js';
export * from './axes.js';
export * from './sample.js';
export { points, type PointsOptions } from './marks/points.js';
export { line, type LineOptions, type XY } from './marks/line.js';
export { band, type BandOptions, type Interval } from './marks/band.js';
export { cursor, type CursorDot } from './marks/cursor.js';
export { legend, textWidth, type Legend, type LegendItem, type LegendOptions } from './marks/legend.js';
export * from './tooltip.js';
export * from './pointer.js';
export * from './zoom.js';
export * from './a11y.js';
export * from './export.js';
export * from './law-python.js';
export * from './law-latex.js';
