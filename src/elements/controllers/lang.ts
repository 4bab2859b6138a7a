/**
 * A ReactiveController for the element's language: `lang` ('en' | 'zh') and
 * `t(key, vars)` for its messages (the tables it is given, src/i18n). The language comes from the
 * element's `lang` attribute, else the nearest ancestor's, else the
 * document's. Hosts call `refresh()` before rendering (ScalingElement does
 * it in willUpdate); a change of <html lang> updates every connected host.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLang, translator, type Lang, type Tables, type Translate } from '../../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<Host>();
let documentObserver: MutationObserver | undefined;

function watchDocument(): void {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => { for (const h of hosts) h.requestUpdate(); });
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

export class LangController<K extends string> implements ReactiveController {
  lang: Lang = 'en';
  t: Translate<K>;

  /** `tables`: the messages the host's code may ask for, in each language. */
  constructor(private readonly host: Host, private readonly tables: Tables<K>) {
    host.addController(this);
    this.t = translator(tables, 'en');
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchDocument();
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) {
      documentObserver?.disconnect();
      documentObserver = undefined;
    }
  }

  /** Re-reads the language; returns true when it changed. */
  refresh(): boolean {
    const lang = resolveLang(this.host);
    if (lang === this.lang) return false;
    this.lang = lang;
    this.t = translator(this.tables, lang);
    return true;
  }
}
