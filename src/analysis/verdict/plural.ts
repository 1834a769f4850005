/** Counts with their noun, for the verdict's sentences. */

/**
 * `1 signal`, `3 signals`: a count with its noun.
 * @example counted(2, 'URL', 'URLs') // '2 URLs'
 */
export function counted(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
