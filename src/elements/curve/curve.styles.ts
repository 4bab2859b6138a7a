/** Styles of <scaling-curve> beyond the shared ones. */

import { css } from 'lit';

export const curveStyles = css`
  .figure { margin: 0; }
  .figure[hidden] { display: none; }
  .plot { touch-action: pan-y; }
  :host([zoom]) .plot { cursor: grab; touch-action: none; }
  :host([zoom]) .plot:active { cursor: grabbing; }
  .multiplier-wrap { overflow-x: auto; margin-top: 0.4rem; }
  .multiplier { border-collapse: collapse; font-size: 0.85em; font-variant-numeric: tabular-nums; }
  .multiplier caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
  .multiplier th, .multiplier td { text-align: left; padding: 0.12rem 0.9rem 0.12rem 0; border-bottom: 1px solid var(--_grid); }
  .multiplier thead th { color: var(--_muted); font-weight: 500; }
  .multiplier tbody th { font-weight: 500; }
  .multiplier tfoot td { color: var(--_muted); border-bottom: 0; padding-top: 0.3rem; }
`;
