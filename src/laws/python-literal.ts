/** A Python float literal that reads back as exactly `x`: JavaScript's shortest round-trip decimal, which Python's float() reads to the same double. */
export function pyFloat(x: number): string {
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}
