/**
 * scikit-learn's `Normalizer()` (norm 'l2'): each row divided by its Euclidean norm; all-zero rows stay zero.
 * It is per-row, not per-column scaling: after it every non-zero point lies on the unit sphere.
 */

/**
 * Normalises rows of `coords` (n × dim, row-major) in place and returns it.
 * @example normalizeRowsL2(new Float64Array([3, 4]), 2) // [0.6, 0.8]
 */
export function normalizeRowsL2(coords: Float64Array, dim: number): Float64Array {
  for (let offset = 0; offset < coords.length; offset += dim) {
    // Sum of squares in column order, then a division (not a multiply by 1/norm), as numpy does it.
    let sumSquares = 0;
    for (let j = 0; j < dim; j++) sumSquares += coords[offset + j]! * coords[offset + j]!;
    const norm = Math.sqrt(sumSquares);
    if (norm === 0) continue;
    for (let j = 0; j < dim; j++) coords[offset + j] = coords[offset + j]! / norm;
  }
  return coords;
}
