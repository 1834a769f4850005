/**
 * Look-alike text: the "skeleton" of a name with homoglyphs (Cyrillic/Greek letters that look Latin), leetspeak
 * digits and punctuation folded to plain letters, so `w!ndows`, `svch0st` and `svchоst` (Cyrillic о) all compare
 * equal to the genuine name.
 */

/** Cyrillic and Greek letters drawn like Latin ones (lower case; input is lower-cased first). */
const homoglyphs: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ӏ: 'l',
  ѡ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};

/**
 * Digits and punctuation used as letters. `1`, `l`, `|`, `!` and `i` all fold to `i` because each is read as the
 * other; both sides of a comparison are folded, so genuine names compare equal to themselves.
 */
const leet: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  l: 'i',
  '|': 'i',
  '!': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  $: 's',
  '@': 'a',
  '7': 't',
};

/** Bidirectional controls and zero-width characters: invisible, and used to disguise file names. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** The skeleton of `text`: NFKD without accents, lower case, homoglyphs and leetspeak folded, invisibles removed. */
export function skeleton(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(new RegExp(INVISIBLE.source, 'gu'), '');
  let out = '';
  for (const char of plain) {
    const folded = homoglyphs[char] ?? char;
    out += leet[folded] ?? folded;
  }
  return out;
}

/** Characters outside printable ASCII that are letters (possible homoglyphs), in order, without repeats. */
export function nonAsciiLetters(text: string): string[] {
  return [...new Set([...text].filter((char) => char > '\u007f' && /\p{L}/u.test(char)))];
}

/** True when `text` holds a bidirectional control or zero-width character. */
export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

/** Characters a Windows folder or file name would not normally contain (punctuation standing in for letters). */
export function oddPunctuation(text: string): string[] {
  return [...new Set([...text].filter((char) => /[!|$@^`~]/.test(char)))];
}

/** `U+0441 'с'` for an unusual character, so the evidence says what it really is. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${char}'`;
}
