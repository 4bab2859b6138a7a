/**
 * An HTML tooltip inside a shadow root: lines of text (set as text, never
 * markup) in a box placed above a point of its positioned container, or
 * below it near the top edge, and kept inside the container's width.
 *
 * Placement without inline style attributes (CSP without 'unsafe-inline',
 * issue #5): the position lives in one rule of a constructed stylesheet
 * adopted by the shadow root, as `--scaling-tip-x` / `--scaling-tip-y`;
 * the element's own CSS turns those into a transform.
 */

export interface Tooltip {
  /** Shows `lines` with the anchor point at (x, y) in container pixels. */
  show(lines: readonly string[], x: number, y: number): void;
  hide(): void;
  readonly visible: boolean;
}

export const TOOLTIP_DEFAULTS = { gap: 10, edge: 4 };

/** `box` is the tooltip element (class `tooltip`, hidden by default); `container` the positioned box it sits in. */
export function createTooltip(root: ShadowRoot, box: HTMLElement, container: HTMLElement): Tooltip {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.tooltip { --scaling-tip-x: 0px; --scaling-tip-y: 0px; }');
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const rule = sheet.cssRules[0] as CSSStyleRule;
  let visible = false;

  return {
    get visible() { return visible; },
    show(lines, x, y) {
      box.replaceChildren(...lines.map((line) => {
        const div = document.createElement('div');
        div.textContent = line;
        return div;
      }));
      box.hidden = false;
      visible = true;
      const { gap, edge } = TOOLTIP_DEFAULTS;
      const w = box.offsetWidth, h = box.offsetHeight, cw = container.clientWidth;
      const left = Math.min(Math.max(edge, x - w / 2), Math.max(edge, cw - w - edge));
      const top = y - h - gap >= 0 ? y - h - gap : y + gap;
      rule.style.setProperty('--scaling-tip-x', `${Math.round(left)}px`);
      rule.style.setProperty('--scaling-tip-y', `${Math.round(top)}px`);
    },
    hide() {
      box.hidden = true;
      visible = false;
    },
  };
}
