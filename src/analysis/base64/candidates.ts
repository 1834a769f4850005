/**
 * Base64 candidates in a text and how one is decoded: msticpy's candidate regex (facts §f, verbatim semantics)
 * and Python's `base64.b64decode` rules.
 */

/**
 * A `<decoded …>` tag (skipped, so names inside socbot's own markup are never decoded) or a candidate: ≥ 30
 * characters of the base64 alphabet or CR/LF, then up to two `=`. The tag length is bounded so an unclosed
 * `<decoded` cannot make the scan quadratic. The look-behind only lets a candidate start where its run starts
 * (where msticpy's leftmost match starts anyway), so the words shorter than 30 characters are not re-tried
 * from every position inside them.
 */
const TAG_OR_CANDIDATE = /(<\/?decoded[^>]{0,2048}>)|(?<![A-Za-z0-9+/\n\r])([A-Za-z0-9+/\n\r]{30,}={0,2})/g;

/** A candidate and where it sits in the scanned text. */
export interface Candidate {
  text: string;
  start: number;
}

/** The candidates of `text` in order, skipping `<decoded>` tags. */
export function* findCandidates(text: string): Generator<Candidate> {
  const regex = new RegExp(TAG_OR_CANDIDATE.source, 'g');
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const candidate = match[2];
    if (candidate !== undefined) yield { text: candidate, start: match.index };
  }
}

/**
 * Python `base64.b64decode` (non-strict): CR/LF ignored; with n data characters, n % 4 == 1 is invalid,
 * n % 4 == 2 needs `==`, n % 4 == 3 needs `=`; an empty result counts as undecodable. Null when undecodable.
 */
export function decodeCandidate(candidate: string): Uint8Array | null {
  const data = candidate.replace(/[\r\n=]/g, '');
  const padding = candidate.length - candidate.replace(/=+$/, '').length;
  const remainder = data.length % 4;
  if (remainder === 1 || (remainder === 2 && padding < 2) || (remainder === 3 && padding < 1)) return null;
  // Copied out of Buffer's shared pool so records own their bytes.
  const bytes = new Uint8Array(Buffer.from(data, 'base64'));
  return bytes.length === 0 ? null : bytes;
}

/** Roughly how many bytes a candidate decodes to (for budget checks before decoding). */
export function decodedSizeOf(candidate: string): number {
  return Math.floor((candidate.length * 3) / 4);
}
