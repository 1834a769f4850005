/**
 * The verdict's own checks on an alert's process: masquerading image names, odd system-looking paths, double
 * extensions, encoded and obfuscated commands, and suspicious command-line patterns (also inside an encoded
 * payload). Pure and bounded: a 10 MB or binary command line is cut to Windows' 32,767-character limit first.
 */

import type { UnpackResult } from '../base64/unpack.js';
import { commandRuleSignals } from './command-signals.js';
import { encodedCommandSignal, maxCommandLineChars, unpackCommandLine } from './encoded-command.js';
import { masqueradingSignals } from './masquerading.js';
import { mergeSignals } from './merge-findings.js';
import { obfuscationSignal } from './obfuscation.js';
import { doubleExtensionSignals, pathOdditySignals } from './path-oddities.js';
import { decodedPayloadText } from './readable-decoded.js';
import type { Signal } from './signal.js';

/** What the checks read from an alert. */
export interface AlertSignalInput {
  /** The process image (full path or file name); when missing, the command line's first word is used. */
  imagePath?: string | null;
  commandLine?: string | null;
}

/** Paths inside a command line checked for odd folders (the image is checked anyway). */
const maxPathsChecked = 10;
const DRIVE_PATH = /(?<![\w])[a-z]:\\[^\s"'|<>,;()*?]{1,260}/gi;

/**
 * The program a command line starts: the quoted first word, else the first word (`.\ftp`, `c:\x\y.exe`).
 * @example commandLineImage('"C:\\Program Files\\a b\\c.exe" -x') // 'C:\\Program Files\\a b\\c.exe'
 */
export function commandLineImage(commandLine: string): string | null {
  const text = commandLine.trimStart();
  const quoted = /^"([^"]{1,400})"/.exec(text);
  if (quoted?.[1]) return quoted[1];
  // An unquoted path with spaces (`C:\Program Files\x\y.exe -a`) runs up to its extension, unless switches
  // come first (`.\ftp  -s:c:\x.exe` starts `.\ftp`).
  const unquoted = /^[^"\r\n]{1,400}?\.(?:exe|com|scr|bat|cmd|pif)(?=\s|$)/i.exec(text)?.[0];
  if (unquoted && /^[a-z]:\\/i.test(unquoted) && !/\s[-/]/.test(unquoted)) return unquoted;
  return /^[^\s"]{1,400}/.exec(text)?.[0] ?? null;
}

/** Drive paths written in a text (the image's own path excluded), at most `maxPathsChecked`. */
function pathsIn(text: string, image: string | null): string[] {
  const paths = new Set<string>();
  for (const match of text.matchAll(DRIVE_PATH)) {
    if (match[0] !== image) paths.add(match[0]);
    if (paths.size >= maxPathsChecked) break;
  }
  return [...paths];
}

/**
 * The encoded-command and obfuscation signals of a command line and its unpacked form: what the `iocs` step
 * reports as findings and the verdict derives itself (same reasons, so the verdict merges them into one line).
 */
export function encodingSignals(commandLine: string, unpacked: UnpackResult): Signal[] {
  const line = commandLine.slice(0, maxCommandLineChars);
  const encoded = encodedCommandSignal(line, unpacked);
  const obfuscated = obfuscationSignal(`${line}\n${decodedPayloadText(unpacked)}`);
  return [encoded, obfuscated].filter((s): s is Signal => s !== null);
}

/**
 * Every signal the verdict derives from the alert's image and command line, one per reason.
 * @example alertSignals({ commandLine: 'c:\\w!ndows\\system32\\suchost.exe -a cryptonight' }).map((s) => s.kind)
 * // ['masquerading', 'odd-path', 'crypto-mining']
 */
export function alertSignals(input: AlertSignalInput): Signal[] {
  const commandLine = (input.commandLine ?? '').slice(0, maxCommandLineChars);
  const image = input.imagePath?.trim() || commandLineImage(commandLine);
  const unpacked = commandLine.trim() === '' ? null : unpackCommandLine(commandLine);
  const payload = unpacked ? decodedPayloadText(unpacked) : '';
  const signals: Signal[] = [];
  if (image) signals.push(...masqueradingSignals(image), ...pathOdditySignals(image));
  for (const path of pathsIn(`${commandLine}\n${payload}`, image)) signals.push(...pathOdditySignals(path));
  signals.push(...doubleExtensionSignals(`${image ?? ''}\n${commandLine}`));
  if (unpacked) signals.push(...encodingSignals(commandLine, unpacked));
  signals.push(...commandRuleSignals(commandLine, payload));
  return mergeSignals(signals);
}
