/**
 * The inline `<decoded …>` markup that replaces each decoded fragment, in msticpy's exact formats (facts §f).
 * Consumers test for `<decoded` to know whether anything was decoded.
 */

/** msticpy's tag-strip pattern. */
const DECODED_TAG = /<\/?decoded[^>]*>/g;

/** The text with every `<decoded …>` / `</decoded>` tag removed (decoded content kept). */
export function stripDecodedTags(text: string): string {
  return text.replace(DECODED_TAG, '');
}

/**
 * A name safe inside `name='…'`. socbot replaces `'`, `<` and `>` (archive member names are attacker-chosen and
 * would otherwise break the tag); msticpy inserts names as they are.
 */
export function markupName(name: string): string {
  return name.replace(/['<>]/g, '_');
}

/** Markup for a record that decoded to text. */
export function stringMarkup(name: string, index: string, depth: number, text: string): string {
  return `<decoded type='string' name='${markupName(name)}' index='${index}' depth='${depth}'>${text}</decoded>`;
}

/** Markup for a binary record (two spaces before `name`, as msticpy writes it); an unknown type shows as `None`. */
export function binaryMarkup(
  name: string,
  fileType: string | null,
  index: string,
  depth: number,
  printableBytes: string,
): string {
  const type = fileType ?? 'None';
  return `<decoded value='binary'  name='${markupName(name)}' type='${type}' index='${index}' depth='${depth}'>${printableBytes}</decoded>`;
}

/** Markup wrapping the members of a multi-member archive (each member already formatted at `depth + 1`). */
export function multipleMarkup(index: string, depth: number, members: readonly string[]): string {
  return `<decoded value='multiple binary' type='multiple' index='${index}' depth='${depth}'>${members.join('')}</decoded>`;
}
