/**
 * A value computed ahead of the update that needs it: an element's first
 * render splits its work (model, then drawing) over tasks of their own
 * (ScalingElement.firstRenderSteps), and the update then takes what was
 * prepared instead of computing it again. Taken once: later updates compute
 * as before, so nothing stale can be drawn, and only when the inputs it was
 * made from are still the same (compared entry by entry with Object.is).
 */

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export class Prepared<T> {
  private held?: { key: readonly unknown[]; value: T };

  /** Keeps `value`, made from `key`, for the next `take`. */
  hold(key: readonly unknown[], value: T): void {
    this.held = { key, value };
  }

  /** The held value when it was made from `key`, else undefined; it stays held. */
  peek(key: readonly unknown[]): T | undefined {
    return this.held && sameKey(this.held.key, key) ? this.held.value : undefined;
  }

  /** The held value when it was made from `key`, else `make()`; either way nothing stays held. */
  take(key: readonly unknown[], make: () => T): T {
    const found = this.peek(key);
    this.held = undefined;
    return found !== undefined ? found : make();
  }
}
