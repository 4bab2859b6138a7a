/** Styles of <scaling-fit> beyond the shared ones: toolbar fields, tables, progress, the data input, dashed frontier. */

import { css } from 'lit';

export const fitStyles = css`
  .figure { margin: 0; }
  .figure[hidden] { display: none; }
  .plot { touch-action: pan-y; }
  :host([zoom]) .plot { cursor: grab; touch-action: none; }
  :host([zoom]) .plot:active { cursor: grabbing; }

  .fit-toolbar { flex-wrap: wrap; align-items: center; justify-content: flex-start; margin-bottom: 0.35rem; }
  .fit-toolbar .spacer { flex: 1 1 auto; }
  .field { display: inline-flex; align-items: center; gap: 0.35rem; font-size: 0.85em; }
  select, textarea, input[type='file'] { font: inherit; color: var(--_fg); background: var(--_bg); }
  select { font-size: 0.95em; padding: 0.15rem 0.3rem; border: 1px solid var(--_grid); border-radius: 4px; }
  .segmented { display: inline-flex; border: 1px solid var(--_grid); border-radius: 4px; overflow: hidden; }
  .segmented button { border-radius: 0; border: 0; padding: 0.2rem 0.6rem; }
  .segmented button + button { border-left: 1px solid var(--_grid); }
  .segmented button[aria-pressed='true'] { background: color-mix(in srgb, var(--_accent) 16%, transparent); font-weight: 600; }
  .fit-toolbar > button, .data-input button { border-color: var(--_grid); background: var(--_surface); }
  .boot-progress, .fit-progress { display: inline-flex; align-items: center; gap: 0.45rem; font-size: 0.85em; color: var(--_muted); }
  .fit-progress { display: flex; margin: 0.25rem 0; }
  progress { width: 9rem; height: 0.6rem; accent-color: var(--_accent); }

  .status-line { margin: 0.25rem 0; font-size: 0.85em; color: var(--_muted); }
  .notices { margin: 0.25rem 0; padding-left: 1.2em; font-size: 0.85em; color: var(--_muted); }
  .notices .warning { margin: 0; }
  .warning {
    margin: 0.4rem 0; padding: 0.45rem 0.7rem; border-left: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 9%, var(--_bg)); font-weight: 600;
  }

  .curve.fitted { stroke-width: 1.4; stroke-opacity: 0.75; }
  .frontier { --_c: var(--_fg); }
  .curve.frontier { stroke-width: 2.2; stroke-dasharray: 7 4; }
  .interval.frontier { fill-opacity: 0.14; }
  .size-lines { --_c: var(--_muted); }
  .frontier-label text { fill: var(--_fg); font-size: 11px; font-weight: 600; paint-order: stroke; stroke: var(--_bg); stroke-width: 3px; }
  .zero line { stroke: var(--_muted); stroke-dasharray: 4 3; }

  .numbers { display: flex; flex-wrap: wrap; gap: 0.5rem 1.75rem; margin-top: 0.5rem; align-items: flex-start; }
  .numbers table { border-collapse: collapse; font-size: 0.85em; font-variant-numeric: tabular-nums; }
  .numbers caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
  .numbers th, .numbers td { text-align: left; padding: 0.12rem 0.9rem 0.12rem 0; border-bottom: 1px solid var(--_grid); vertical-align: top; }
  .numbers thead th { color: var(--_muted); font-weight: 500; }
  .numbers tbody th { font-weight: 500; }
  .numbers .interval-cell { color: var(--_muted); }
  .numbers .meta th { color: var(--_muted); }
  .status.bad td { color: var(--_danger); font-weight: 700; }
  .status.warn td { color: var(--_accent); font-weight: 700; }
  .numbers .undetermined .not-determined { color: var(--_danger); font-weight: 700; }
  .numbers .undetermined .weak-value { color: var(--_muted); }

  /* Diagnostics: a row of their own above the tables; warnings and errors set off by colour and by their label. */
  .diagnostics { flex: 1 1 100%; min-width: 0; }
  .diagnostics ul { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 0.3rem; font-size: 0.85em; }
  .diagnostic { padding: 0.3rem 0.6rem; border-left: 3px solid var(--_grid); color: var(--_muted); overflow-wrap: anywhere; }
  .diagnostic .severity { margin-right: 0.35em; font-weight: 700; }
  .diagnostic.severity-warning { border-left: 4px solid var(--_accent); background: var(--_surface); color: var(--_fg); }
  .diagnostic.severity-warning .severity { color: var(--_accent); }
  .diagnostic.severity-error { border-left: 4px solid var(--_danger); background: color-mix(in srgb, var(--_danger) 9%, var(--_bg)); color: var(--_fg); }
  .diagnostic.severity-error .severity { color: var(--_danger); }
  .budget-note { font-size: 0.85em; color: var(--_muted); }

  .columns { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin: 0.5rem 0; padding: 0.4rem 0.7rem; border: 1px solid var(--_grid); border-radius: 4px; }
  .columns legend { font-size: 0.85em; color: var(--_muted); padding: 0 0.3rem; }

  .data-input {
    display: flex; flex-direction: column; gap: 0.4rem; margin: 0.5rem 0; padding: 0.8rem;
    border: 1px dashed var(--_grid); border-radius: 6px; background: var(--_surface);
  }
  .data-input.dragging { border-color: var(--_focus); background: color-mix(in srgb, var(--_focus) 8%, var(--_surface)); }
  .data-input p { margin: 0; }
  .data-input .hint { color: var(--_muted); font-size: 0.85em; }
  .data-input label { font-size: 0.85em; }
  textarea { width: 100%; padding: 0.35rem; border: 1px solid var(--_grid); border-radius: 4px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; resize: vertical; }
  .input-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
  .file { display: inline-flex; flex-direction: column; gap: 0.15rem; }
  input[type='file'] { font-size: 0.85em; }
  .stale { opacity: 0.45; filter: grayscale(0.6); }
  textarea[aria-invalid='true'] { border-color: var(--_danger); }
  details.other-data > summary { cursor: pointer; font-size: 0.85em; color: var(--_muted); margin-top: 0.5rem; }
`;
