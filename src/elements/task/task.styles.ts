/** Styles of <scaling-task> beyond <scaling-fit>'s: run classes, predictions, the chance line, the step tables. */

import { css } from 'lit';

export const taskStyles = css`
  .fitted-run { --_c: var(--_accent); }
  .point.held-out { fill: var(--_bg); stroke: var(--_danger); stroke-width: 2; }
  .held-out { --_c: var(--_danger); }
  .chain { --_c: var(--_accent); }
  .curve.chain { stroke-width: 2.25; }
  .predicted { --_c: var(--_fg); stroke: var(--_bg); stroke-width: 1; }
  path.predicted { fill: var(--_fg); }
  .whisker { stroke: var(--_fg); stroke-width: 1.5; }
  .chance { --_c: var(--_muted); }
  .chance line, .curve.chance { stroke: var(--_muted); stroke-width: 1.25; stroke-dasharray: 5 4; }
  .chance text { fill: var(--_muted); font-size: 11px; paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; }
  .steps { flex-wrap: wrap; }
  .step { flex: 1 1 18rem; min-width: 0; }
  .step h4 { margin: 0.2rem 0 0.3rem; font-size: 0.9em; font-weight: 600; overflow-wrap: anywhere; }
  .backtest-wrap { overflow-x: auto; }
  /* The table scrolls sideways on a phone: its headers stay on one line rather than stack a character a line. */
  .backtest th { white-space: nowrap; }
  .backtest tfoot td { color: var(--_muted); border-bottom: 0; padding-top: 0.3rem; }
`;
