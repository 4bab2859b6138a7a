/**
 * Bench part of issue #4, run in the Chromium page after the built IIFE
 * (dist/scaling-kit.min.js) is loaded: time from connecting a <scaling-fit>
 * holding the 245-run Chinchilla CSV inline to its `fit` event and the
 * frame that draws it.
 */

export async function measureFitElement(csv: string, repeats = 7): Promise<{ medianMs: number; minMs: number; points: number }> {
  const times: number[] = [];
  let points = 0;
  for (let k = 0; k < repeats; k++) {
    const el = document.createElement('scaling-fit');
    el.setAttribute('drop-highest', '5');
    const script = document.createElement('script');
    script.type = 'text/csv';
    script.textContent = csv;
    el.append(script);
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => el.addEventListener('fit', () => resolve(), { once: true }));
    document.body.append(el);
    await done;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    times.push(performance.now() - t0);
    points = el.shadowRoot?.querySelectorAll('circle').length ?? 0;
    el.remove();
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], points };
}
