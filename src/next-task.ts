/**
 * `await nextTask()` continues in a new task of the event loop, so long work
 * done in chunks lets a page paint and take input in between, and can be
 * cancelled. A message rather than `setTimeout(…, 0)`: browsers clamp nested
 * timeouts to 4 ms after five levels (HTML § timers), which adds up over the
 * 70 chunks of a 4,500-start fit on the page's thread. Works in pages, workers
 * and Node alike.
 */
export const nextTask = (): Promise<void> => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  // Typed as the web's MessagePort (Node's global one has the same onmessage, but its types say otherwise).
  (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {
    channel.port1.close();
    resolve();
  };
  channel.port2.postMessage(null);
});
