/**
 * CSS every scaling-* element shares: the public custom properties with
 * light and dark values, series and model-size palettes, chart marks, focus
 * rings, the error box, the export menu, the tooltip and `.visually-hidden`.
 *
 * Theme: `theme="auto"` (default) follows prefers-color-scheme;
 * `theme="light"` / `theme="dark"` force one. Authors restyle through the
 * `--scaling-*` properties (they win in both themes) and through parts.
 * Internally everything reads the private `--_*` copies set on :host.
 */

import { css, unsafeCSS, type CSSResult } from 'lit';

/** Categorical colours for laws (series-0 …), light then dark. */
export const SERIES_LIGHT = ['#c2410c', '#1d4ed8', '#047857', '#7e22ce', '#be123c', '#0e7490', '#a16207', '#4d7c0f'];
export const SERIES_DARK = ['#fb923c', '#60a5fa', '#34d399', '#c084fc', '#fb7185', '#22d3ee', '#facc15', '#a3e635'];
/** Sequential colours for runs by model size (size-0 smallest), light then dark. */
export const SIZE_LIGHT = ['#3b0f70', '#5e2a8c', '#8c2981', '#b73779', '#de4968', '#f0703f'];
export const SIZE_DARK = ['#5b8bd6', '#3fa5c4', '#35b8a4', '#5cc97b', '#a0d85a', '#ecd94a'];

const palette = (name: string, light: readonly string[], dark: readonly string[], which: 'light' | 'dark'): string =>
  (which === 'light' ? light : dark).map((c, i) => `--_${name}-${i}: var(--scaling-${name}-${i}, ${c});`).join('\n');

const classes = (name: string, n: number): string => Array.from({ length: n }, (_, i) => `.${name}-${i} { --_c: var(--_${name}-${i}); }`).join('\n');

const light = unsafeCSS(`
  --_fg: var(--scaling-fg, #1f2328);
  --_bg: var(--scaling-bg, #ffffff);
  --_muted: var(--scaling-muted, #57606a);
  --_accent: var(--scaling-accent, #c2410c);
  --_grid: var(--scaling-grid, #e4e8ec);
  --_focus: var(--scaling-focus, #0969da);
  --_danger: var(--scaling-danger, #b42318);
  --_surface: var(--scaling-surface, #f6f8fa);
  color-scheme: light;
  ${palette('series', SERIES_LIGHT, SERIES_DARK, 'light')}
  ${palette('size', SIZE_LIGHT, SIZE_DARK, 'light')}
`);

const dark = unsafeCSS(`
  --_fg: var(--scaling-fg, #e6edf3);
  --_bg: var(--scaling-bg, #0d1117);
  --_muted: var(--scaling-muted, #9198a1);
  --_accent: var(--scaling-accent, #fb923c);
  --_grid: var(--scaling-grid, #262c36);
  --_focus: var(--scaling-focus, #4493f8);
  --_danger: var(--scaling-danger, #ff7b72);
  --_surface: var(--scaling-surface, #161b22);
  color-scheme: dark;
  ${palette('series', SERIES_LIGHT, SERIES_DARK, 'dark')}
  ${palette('size', SIZE_LIGHT, SIZE_DARK, 'dark')}
`);

export const themeStyles: CSSResult = css`
  :host { ${light} }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) { ${dark} }
  }
  :host([theme='dark']) { ${dark} }
`;

export const hostStyles: CSSResult = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    font-family: var(--scaling-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif);
    font-size: var(--scaling-font-size, 14px);
    line-height: 1.4;
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: inherit; }
  :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
  }
`;

export const chartStyles: CSSResult = css`
  .plot { position: relative; }
  .plot:focus-visible { outline-offset: 4px; }
  svg.chart { display: block; width: 100%; height: auto; font-family: inherit; font-size: 11px; overflow: visible; user-select: none; }
  .axis path.domain, .axis line { stroke: var(--_muted); }
  .axis text { fill: var(--_fg); font-size: 11px; }
  .axis .axis-title { fill: var(--_fg); font-size: 12px; font-weight: 600; }
  .grid line { stroke: var(--_grid); stroke-width: 1; }
  .legend text { fill: var(--_fg); font-size: 12px; }
  .curve { fill: none; stroke: var(--_c, var(--_accent)); stroke-width: 2.25; stroke-linejoin: round; stroke-linecap: round; }
  .interval { fill: var(--_c, var(--_accent)); fill-opacity: 0.16; stroke: none; }
  .point { fill: var(--_c, var(--_accent)); stroke: var(--_bg); stroke-width: 0.75; }
  .point:focus { outline: none; }
  .point:focus-visible, .point.active { stroke: var(--_focus); stroke-width: 2.5; }
  .plot-area rect { fill: transparent; }
  .cursor .rule { stroke: var(--_muted); stroke-width: 1; stroke-dasharray: 3 3; }
  .cursor .dot { fill: var(--_c, var(--_accent)); stroke: var(--_bg); stroke-width: 1.5; }
  ${unsafeCSS(classes('series', SERIES_LIGHT.length))}
  ${unsafeCSS(classes('size', SIZE_LIGHT.length))}

  .tooltip {
    position: absolute; left: 0; top: 0; z-index: 2; pointer-events: none;
    transform: translate(var(--scaling-tip-x, 0px), var(--scaling-tip-y, 0px));
    max-width: min(22rem, 90%); padding: 0.35rem 0.55rem; border-radius: 4px;
    background: var(--_surface); color: var(--_fg); border: 1px solid var(--_grid);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18); font-size: 12px; line-height: 1.35; font-variant-numeric: tabular-nums;
  }
  .tooltip[hidden] { display: none; }
`;

export const controlStyles: CSSResult = css`
  .toolbar { display: flex; justify-content: flex-end; gap: 0.5rem; min-height: 1.75rem; }
  .menu { position: relative; }
  .menu > summary {
    list-style: none; cursor: pointer; padding: 0.15rem 0.6rem; border-radius: 4px;
    border: 1px solid var(--_grid); color: var(--_fg); background: var(--_surface); font-size: 0.85em;
  }
  .menu > summary::-webkit-details-marker { display: none; }
  .menu > summary::after { content: ' ▾'; color: var(--_muted); }
  .menu-items {
    position: absolute; right: 0; top: calc(100% + 4px); z-index: 3; display: flex; flex-direction: column;
    min-width: 11rem; padding: 0.25rem; border-radius: 4px; border: 1px solid var(--_grid);
    background: var(--_surface); box-shadow: 0 4px 14px rgb(0 0 0 / 0.2);
  }
  button {
    font: inherit; font-size: 0.85em; color: var(--_fg); background: transparent; border: 1px solid transparent;
    border-radius: 3px; padding: 0.3rem 0.5rem; text-align: left; cursor: pointer;
  }
  button:hover { background: color-mix(in srgb, var(--_fg) 8%, transparent); }
  .toolbar > button { border-color: var(--_grid); background: var(--_surface); }
  .error {
    margin: 0.5rem 0; padding: 0.6rem 0.8rem; border-left: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 9%, var(--_bg)); color: var(--_fg);
  }
  .error strong { display: block; color: var(--_danger); margin-bottom: 0.15rem; }
  /* A box that scrolls sideways on a narrow screen shows a shadow at each edge with more to see: the
     covers move with the content (local) and hide the shadows (scroll) once an end is reached. */
  .scroll-x {
    overflow-x: auto;
    background:
      linear-gradient(to right, var(--_bg) 30%, transparent) left center / 2rem 100% no-repeat local,
      linear-gradient(to left, var(--_bg) 30%, transparent) right center / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.28), transparent) left center / 0.8rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.28), transparent) right center / 0.8rem 100% no-repeat scroll;
  }
`;

/** Everything above, in cascade order: what ScalingElement.styles starts with. */
export const sharedStyles: CSSResult[] = [themeStyles, hostStyles, chartStyles, controlStyles];
