/**
 * Obfuscated commands: cmd.exe carets inside words (`pOWErS^H^ElL`), PowerShell backticks inside words
 * (`n`EW-obJ`E`cT`), commands glued from string pieces (`'Invoke'+'-Expression'`) and characters built from
 * codes (`[char]73`). Also the de-obfuscated text the command rules read.
 */
import { type Signal, signal } from './signal.js';

interface Technique {
  name: string;
  pattern: RegExp;
  /** Occurrences needed: one caret can be an escape, several inside words are obfuscation. */
  atLeast: number;
  /** The obfuscated piece shown as evidence (a word, a run of glued strings). */
  excerpt: RegExp;
}

const techniques: readonly Technique[] = [
  {
    name: 'carets break up words',
    pattern: /[a-z0-9.]\^[a-z0-9.-]/gi,
    atLeast: 3,
    excerpt: /[^\s"'(){};,]{0,60}\^[^\s"'(){};,]{0,60}/,
  },
  {
    name: 'backticks break up words',
    pattern: /[a-z]`[a-z]/gi,
    atLeast: 2,
    excerpt: /[\w.-]{0,60}`[\w`.-]{0,60}/,
  },
  {
    name: 'commands are glued from string pieces',
    pattern: /(['"])[^'"\n]{1,40}\1\s*\+\s*['"]/g,
    atLeast: 2,
    excerpt: /(['"])[^'"\n]{1,40}\1(?:\s*\+\s*(['"])[^'"\n]{1,40}\2){1,5}/,
  },
  {
    name: 'characters are built from codes',
    pattern: /\[char\]\s*\(?\s*\d{2,3}/gi,
    atLeast: 3,
    excerpt: /(?:\[char\]\s*\(?\s*\d{2,3}\)?\s*\+?\s*){1,6}/i,
  },
];

/** The command with carets and backticks removed and `'a'+'b'` joined, so the rules see the real words. */
export function deobfuscate(text: string): string {
  return text
    .replace(/\^/g, '')
    .replace(/`(?=[a-z])/gi, '')
    .replace(/(['"])\s*\+\s*\1/g, '');
}

/** Share of control characters (other than tab, CR, LF) in the text. */
function controlShare(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting them is the point.
  const controls = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.length === 0 ? 0 : controls / text.length;
}

function countUpTo(text: string, pattern: RegExp, limit: number): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) if (++count >= limit) break;
  return count;
}

/**
 * One obfuscation signal naming the techniques found, with the first obfuscated word and how it reads, or null.
 * @example obfuscationSignal('cmd /c pOWErS^H^ElL^.eX^e^ -nop')?.evidence // 'pOWErS^H^ElL^.eX^e^ → pOWErSHElL.eXe'
 */
export function obfuscationSignal(commandLine: string): Signal | null {
  // Binary data has carets and backticks by chance; calling it obfuscation would mislead.
  if (controlShare(commandLine) > 0.05) return null;
  const found = techniques.filter((t) => countUpTo(commandLine, t.pattern, t.atLeast) >= t.atLeast);
  const first = found[0];
  if (!first) return null;
  const word = first.excerpt.exec(commandLine)?.[0].trim() ?? '';
  const reads = deobfuscate(word);
  return signal(
    'obfuscated-command',
    'malicious',
    `The command is obfuscated (${found.map((t) => t.name).join('; ')}): it is written to dodge detection.`,
    reads === word ? word : `${word} → ${reads}`,
  );
}
