// Summaries that show the spread, not only the middle: on a shared machine one number hides
// whether a difference is larger than the noise.

export interface Spread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0]!, max: s[s.length - 1]! };
}

/** "12.3 (IQR 11.9–13.0, 11.2–15.8)": median, interquartile range, then min–max. */
export function showSpread(xs: readonly number[], digits = 1, unit = ''): string {
  const { median, q1, q3, min, max } = spread(xs);
  const f = (x: number) => x.toFixed(digits);
  return `${f(median)}${unit} (IQR ${f(q1)}–${f(q3)}, ${f(min)}–${f(max)})`;
}

/** Ratio per round (each numerator with the denominator measured beside it), summarised. */
export function ratios(num: readonly number[], den: readonly number[]): number[] {
  return num.map((x, i) => x / den[i]!);
}
