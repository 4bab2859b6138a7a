/**
 * FitLinkController: follows the `<scaling-fit>` (or any element) whose id a
 * host names in its `for` attribute, and keeps the law it has fitted.
 *
 * The contract with the fit element is small: it dispatches a bubbling `fit`
 * CustomEvent whose detail has `.law` after each fit, and exposes the last
 * result as `.result` (with `.law`). Either element may be defined, connected
 * or fitted first: the controller listens for `fit` on the host's root (the
 * document, or the shadow root both live in) from the moment the host
 * connects, reads `.result` on connect, when `for` changes and once
 * `scaling-fit` is defined, and forgets the law when the id points nowhere.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Law } from '../../core/forms-eval.js';

type Host = ReactiveControllerHost & HTMLElement;

interface FitLike { result?: { law?: unknown } | null }

const isLaw = (v: unknown): v is Law =>
  v !== null && typeof v === 'object' && typeof (v as Law).form === 'string' && (v as Law).params !== null && typeof (v as Law).params === 'object';

export class FitLinkController implements ReactiveController {
  /** The linked fit's law, or undefined (no `for`, no such element, or not fitted yet). */
  law?: Law;
  private root?: Document | ShadowRoot;
  private id?: string;

  constructor(private readonly host: Host, private readonly target: () => string | undefined) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.getRootNode();
    this.root = root instanceof ShadowRoot ? root : document;
    this.root.addEventListener('scaling-fit-done', this.onFit);
    this.refresh();
    this.read();
    if (typeof customElements !== 'undefined') void customElements.whenDefined('scaling-fit').then(() => this.read());
  }

  hostDisconnected(): void {
    this.root?.removeEventListener('scaling-fit-done', this.onFit);
    this.root = undefined;
  }

  /** Call before computing: re-reads the fit element when `for` changed. */
  refresh(): void {
    const id = this.target()?.trim() || undefined;
    if (id === this.id) return;
    this.id = id;
    this.law = undefined;
    this.read();
  }

  /** The element named by `for`, if it is in the host's tree. */
  element(): Element | null {
    return this.id && this.root ? this.root.getElementById(this.id) : null;
  }

  private set(law: unknown): void {
    if (!isLaw(law) || law === this.law) return;
    this.law = law;
    this.host.requestUpdate();
  }

  private read(): void {
    const found = this.element() as (Element & FitLike) | null;
    if (found?.result) this.set(found.result.law);
  }

  private onFit = (e: Event): void => {
    const id = this.id;
    if (!id || !e.composedPath().some((n) => n instanceof Element && n.id === id)) return;
    this.set((e as CustomEvent<{ law?: unknown } | null>).detail?.law);
  };
}
