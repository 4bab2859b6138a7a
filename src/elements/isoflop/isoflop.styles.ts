/**
 * Styles of <scaling-isoflop> beyond the shared ones: one colour per compute
 * budget (budget-0 smallest … budget-11), interpolated along the shared
 * model-size palette so light and dark themes each get a readable ramp;
 * rejected budgets muted and dashed; optima as diamonds; the inset's law text.
 * Authors override a budget colour with --scaling-budget-0 … --scaling-budget-11.
 */

import { css, unsafeCSS, type CSSResult } from 'lit';
import { SIZE_DARK, SIZE_LIGHT } from '../shared-styles.js';
import { ramp } from '../colour-ramp.js';

export const BUDGET_COLOURS = 12;

const vars = (colours: readonly string[]): string => colours.map((c, i) => `--_budget-${i}: var(--scaling-budget-${i}, ${c});`).join('\n');
const light = unsafeCSS(vars(ramp(SIZE_LIGHT, BUDGET_COLOURS)));
const dark = unsafeCSS(vars(ramp(SIZE_DARK, BUDGET_COLOURS)));
const classes = unsafeCSS(Array.from({ length: BUDGET_COLOURS }, (_, i) => `.budget-${i} { --_c: var(--_budget-${i}); }`).join('\n'));

export const isoflopStyles: CSSResult = css`
  :host { ${light} }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) { ${dark} }
  }
  :host([theme='dark']) { ${dark} }
  ${classes}
  .figure { margin: 0; }
  .figure[hidden] { display: none; }
  .plot { touch-action: pan-y; }
  :host([zoom]) .plot { cursor: grab; touch-action: none; }
  .panel-area { fill: transparent; }
  .rejected { --_c: var(--_muted); }
  .curve.rejected { stroke-dasharray: 5 4; stroke-width: 1.5; }
  .point.rejected, .point.unassigned { fill-opacity: 0.45; }
  .unassigned { --_c: var(--_muted); }
  .curves .curve { stroke-width: 1.75; stroke-opacity: 0.9; }
  .legend .swatch { fill: var(--_c); stroke: var(--_bg); stroke-width: 0.75; }
  .optimum { fill: var(--_c); stroke: var(--_fg); stroke-width: 1.25; }
  .curve.fit { --_c: var(--_fg); stroke-width: 1.75; }
  .interval.fit { --_c: var(--_fg); fill-opacity: 0.12; }
  .optimum-point { stroke: var(--_fg); stroke-width: 1; }
  .law-text text { fill: var(--_fg); font-size: 11.5px; font-variant-numeric: tabular-nums; }
  .law-text .law-main { font-weight: 600; }
  .law-text .law-ci { fill: var(--_muted); }
  .status { margin: 0.5rem 0; color: var(--_muted); }
`;
