/** Styles of <scaling-calculator> beyond the shared ones: the form, the cost figures, the table, the chart marker. */

import { css } from 'lit';

export const calculatorStyles = css`
  .controls { display: grid; gap: 0.75rem; margin-bottom: 0.9rem; }
  fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
  .mode { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 1.1rem; }
  .mode legend { float: left; font-weight: 600; margin-right: 0.4rem; padding: 0; }
  .mode-option, .law-option { display: inline-flex; align-items: center; gap: 0.35rem; cursor: pointer; }
  input[type='radio'], input[type='checkbox'], input[type='range'] { accent-color: var(--_accent); }

  .budget-inputs { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem; }
  .slider { flex: 1 1 16rem; display: grid; gap: 0.1rem; min-width: 12rem; }
  .slider label, .field label { font-size: 0.82em; color: var(--_muted); }
  .slider input { width: 100%; margin: 0.2rem 0 0; }
  .ends { display: flex; justify-content: space-between; font-size: 0.75em; color: var(--_muted); }
  .times { padding-bottom: 0.35rem; color: var(--_muted); }
  .equals { padding-bottom: 0.3rem; font-weight: 600; font-variant-numeric: tabular-nums; }

  .settings { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-start; }
  .field { display: grid; gap: 0.15rem; align-content: start; }
  .input-row { display: inline-flex; align-items: center; gap: 0.3rem; }
  .field input, select {
    font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid color-mix(in srgb, var(--_muted) 55%, transparent);
    border-radius: 4px; padding: 0.25rem 0.4rem; font-variant-numeric: tabular-nums;
  }
  .field input { width: 7rem; }
  .field-flops input { width: 9rem; }
  .field-inferenceTokens input { width: 8rem; }
  .field input[aria-invalid='true'] { border-color: var(--_danger); }
  .unit { color: var(--_muted); font-size: 0.85em; }
  .hint { font-size: 0.75em; color: var(--_muted); max-width: 18rem; }
  .field-error { font-size: 0.78em; color: var(--_danger); max-width: 18rem; }

  .laws > summary { cursor: pointer; color: var(--_fg); font-size: 0.9em; width: max-content; }
  .laws fieldset { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.2rem 1rem; margin-top: 0.4rem; }
  .law-option small { color: var(--_muted); }

  :host { container-type: inline-size; }
  .budget { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.5rem; margin: 0; }
  @container (min-width: 660px) { .budget { grid-template-columns: repeat(6, minmax(0, 1fr)); } }
  @container (max-width: 380px) { .budget { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  .budget > div { background: var(--_surface); border: 1px solid var(--_grid); border-radius: 6px; padding: 0.35rem 0.6rem; }
  .budget dt { font-size: 0.78em; color: var(--_muted); }
  .budget dd { margin: 0; font-size: 1.12em; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
  .budget dd.sub { font-size: 0.75em; font-weight: 400; color: var(--_muted); white-space: normal; }
  .assumptions { margin: 0.35rem 0 0.9rem; font-size: 0.78em; color: var(--_muted); }

  .table-wrap { overflow-x: auto; margin-bottom: 0.6rem; }
  table.results { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  .table-title { font-weight: 600; margin: 0 0 0.35rem; }
  .results th, .results td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--_grid); text-align: right; white-space: nowrap; }
  .results thead th { vertical-align: bottom; font-weight: 600; white-space: normal; }
  .results thead th small { display: block; font-weight: 400; font-size: 0.78em; color: var(--_muted); }
  .results tbody th { text-align: left; font-weight: 400; color: var(--_muted); white-space: normal; min-width: 7rem; }
  .results .notes td { white-space: normal; text-align: left; font-size: 0.78em; color: var(--_muted); min-width: 9rem; vertical-align: top; }
  .swatch { display: inline-block; width: 0.9em; height: 3px; margin: 0 0.35em 0.2em 0; vertical-align: middle; background: var(--_c, var(--_accent)); }

  .toolbar { align-items: center; }
  .chart-kind { display: inline-flex; align-items: center; gap: 0.35rem; font-size: 0.85em; color: var(--_muted); margin-right: auto; }
  .figure { margin: 0; }
  .plot { cursor: crosshair; touch-action: pan-y; }
  .budget-rule { stroke: var(--_fg); stroke-opacity: 0.55; stroke-width: 1; stroke-dasharray: 4 3; }
  .budget-dot { fill: var(--_c, var(--_accent)); stroke: var(--_bg); stroke-width: 1.5; }
  .budget-label { fill: var(--_fg); font-size: 11px; font-weight: 600; }

  .notice {
    margin: 0 0 0.6rem; padding: 0.45rem 0.7rem; border-left: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_bg)); font-size: 0.88em; overflow-wrap: anywhere;
  }
  .outputs.stale { opacity: 0.45; filter: grayscale(0.6); }
  .stale-note { margin: 0.4rem 0; padding: 0.4rem 0.7rem; border-left: 4px solid var(--_danger); background: color-mix(in srgb, var(--_danger) 9%, var(--_bg)); font-size: 0.9em; }
`;
