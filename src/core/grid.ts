/**
 * Starting grids for multi-start fits.
 *
 * `hoffmannGrid` is the 4,500-point grid of Hoffmann et al. 2022 (§D.2) as
 * run by Besiroglu et al. 2024: α, β ∈ {0, 0.5, 1, 1.5, 2}, e ∈ {−1, −0.5, 0,
 * 0.5, 1}, a, b ∈ {0, 5, 10, 15, 20, 25}; rows are θ = (a, b, e, α, β).
 */

const EXPONENTS = [0, 0.5, 1, 1.5, 2];
const LOG_E = [-1, -0.5, 0, 0.5, 1];
const LOG_AB = [0, 5, 10, 15, 20, 25];

export function hoffmannGrid(): Float64Array {
  const rows: number[] = [];
  for (const alpha of EXPONENTS)
    for (const beta of EXPONENTS)
      for (const e of LOG_E)
        for (const a of LOG_AB)
          for (const b of LOG_AB) rows.push(a, b, e, alpha, beta);
  return Float64Array.from(rows);
}
