/**
 * Sizes of documents as people read them, and as chat limits count them (UTF-8 bytes, not characters).
 */

/** UTF-8 bytes of a string: what upload and card size limits count. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `812 B`, `23.4 KB`, `1.2 MB` (1 KB = 1,000 bytes, as file managers show them).
 * @example formatBytes(23_456) // '23.5 KB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
