/**
 * Styles of <scaling-landscape> beyond the shared ones: the loss palette
 * (level-0 lowest loss … level-15 highest), a light and a dark ramp that
 * keep dark lines and light labels readable on top; iso-FLOP lines, the
 * frontier, model markers and labels with a halo in the background colour.
 * Authors override a colour with --scaling-level-0 … --scaling-level-15.
 */

import { css, unsafeCSS, type CSSResult } from 'lit';
import { ramp } from '../colour-ramp.js';
import { LEVEL_COLOURS } from './draw.js';

/** Lowest to highest loss: deep blue through teal and green to pale yellow. */
export const LOSS_LIGHT = ['#0b2e59', '#1a5b8c', '#2b8ba3', '#55b3a3', '#98d29a', '#dcec9f', '#fbf7d4'];
/** The same hues, darker at the top so the map does not glare on a dark page. */
export const LOSS_DARK = ['#08152e', '#113a5f', '#1a6079', '#2a817b', '#4c9c72', '#86b267', '#c7c462'];

const vars = (colours: readonly string[]): string => colours.map((c, i) => `--_level-${i}: var(--scaling-level-${i}, ${c});`).join('\n');
const light = unsafeCSS(vars(ramp(LOSS_LIGHT, LEVEL_COLOURS)));
const dark = unsafeCSS(vars(ramp(LOSS_DARK, LEVEL_COLOURS)));
const classes = unsafeCSS(Array.from({ length: LEVEL_COLOURS }, (_, i) => `.level-${i} { --_c: var(--_level-${i}); }`).join('\n'));

export const landscapeStyles: CSSResult = css`
  :host { ${light} --_frontier: var(--scaling-frontier, var(--_series-4)); }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) { ${dark} }
  }
  :host([theme='dark']) { ${dark} }
  ${classes}
  .figure { margin: 0; }
  .figure[hidden] { display: none; }
  .plot { touch-action: pan-y; cursor: crosshair; }
  .band { fill: var(--_c); stroke: var(--_bg); stroke-opacity: 0.28; stroke-width: 0.6; }
  .swatch { fill: var(--_c); }
  .bar-tick { stroke: var(--_muted); }
  .bar-label { fill: var(--_fg); font-size: 10.5px; font-variant-numeric: tabular-nums; }
  .bar-title { fill: var(--_fg); font-size: 11.5px; font-weight: 600; }
  .iso-line { stroke: var(--_fg); stroke-opacity: 0.5; stroke-width: 1; stroke-dasharray: 4 4; }
  .curve.iso { stroke: var(--_fg); stroke-opacity: 0.6; stroke-width: 1; stroke-dasharray: 4 4; }
  .iso-label, .model-name {
    fill: var(--_fg); font-size: 11px; paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; stroke-linejoin: round; stroke-opacity: 0.85;
  }
  .iso-label { font-size: 11px; }
  .curve.frontier { stroke: var(--_frontier); stroke-width: 2.5; }
  .model { fill: var(--_accent); stroke: var(--_bg); stroke-width: 2; cursor: pointer; }
  .model:focus { outline: none; }
  .model:focus-visible, .model:hover { stroke: var(--_focus); stroke-width: 3; }
  .model-name { font-size: 12px; font-weight: 600; }
  .name-leader { stroke: var(--_fg); stroke-width: 1; }
  .swatch.model-swatch { fill: var(--_accent); stroke: var(--_bg); }
  .cursor-iso { stroke: var(--_fg); stroke-width: 1.5; stroke-dasharray: 6 3; }
  .cursor-dot { fill: var(--_fg); stroke: var(--_bg); stroke-width: 1.5; }
`;
