/**
 * Evenly spaced colours along a ramp of stops: the isoFLOP chart's budget
 * colours and the landscape's loss levels. A module of its own so that one
 * element's file does not bring in the other's styles with it.
 */

/** `n` colours evenly along the piecewise-linear ramp through `stops` (sRGB hex). */
export function ramp(stops: readonly string[], n: number): string[] {
  const rgb = stops.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  return Array.from({ length: n }, (_, k) => {
    const t = n > 1 ? (k / (n - 1)) * (stops.length - 1) : 0;
    const i = Math.min(stops.length - 2, Math.floor(t)), f = t - i;
    return `#${rgb[i].map((c, j) => Math.round(c + (rgb[i + 1][j] - c) * f).toString(16).padStart(2, '0')).join('')}`;
  });
}
