/**
 * Encoded commands: PowerShell's `-EncodedCommand` (any abbreviation: `-e`, `-ec`, `-enc`…), `FromBase64String`,
 * `base64 -d`, or base64 in the command line that decodes to text or a known file type. One signal, with the
 * decoded text as evidence, shared by the `iocs` step (as a finding) and the verdict (which merges the two).
 */
import type { Base64Record } from '../base64/decode-record.js';
import { type UnpackOptions, type UnpackResult, unpackBase64 } from '../base64/unpack.js';
import { decodedPayloadText } from './readable-decoded.js';
import { evidenceText, type Signal, signal } from './signal.js';

/** Characters of a command line decoded (Windows caps a command line at 32,767 characters). */
export const maxCommandLineChars = 32_768;

/**
 * How socbot unpacks a command line. `utf16` stays off: BOM-less UTF-16LE (PowerShell's `-enc`) is detected
 * anyway, while msticpy's `utf16=True` would read every plain UTF-8 payload as UTF-16 garbage.
 */
export const commandLineUnpackOptions: UnpackOptions = {
  limits: { maxInputChars: maxCommandLineChars, maxTotalDecodedBytes: 2 * 1024 * 1024, maxDepth: 6 },
};

/** PowerShell's `-EncodedCommand` or an abbreviation of it, followed by base64. */
const ENCODED_SWITCH = /(?:^|\s)([-/](?:e|ec|en|enc\w{0,11}))\s+["']?[A-Za-z0-9+/]{16}/i;
const POWERSHELL = /\b(?:powershell|pwsh)\b/i;
const EXPLICIT_DECODERS: readonly [RegExp, string][] = [
  [/frombase64string/i, 'FromBase64String'],
  [/\bbase64\s+(?:-d|--decode)\b/i, 'base64 -d'],
];

/** A record worth calling an encoded payload: readable text, or a known file type; not a hex string (a hash). */
function isPayload(record: Base64Record): boolean {
  if (/^[0-9a-f\r\n]+=*$/i.test(record.originalString)) return false;
  if (record.fileType !== null) return true;
  const text = record.decodedString;
  if (text === null || text.trim() === '') return false;
  const unreadable = text.replace(/[\p{L}\p{N}\p{P}\p{S}\p{Zs}\t\r\n]/gu, '').length;
  return unreadable / text.length <= 0.15;
}

/** What announces the encoding: the PowerShell switch as typed, a decoder call, or null. */
function explicitMarker(commandLine: string): string | null {
  const encoded = ENCODED_SWITCH.exec(commandLine);
  if (encoded?.[1] && POWERSHELL.test(commandLine)) return encoded[1];
  for (const [pattern, name] of EXPLICIT_DECODERS) if (pattern.test(commandLine)) return name;
  return null;
}

/** The command line unpacked the way every verdict check and the `iocs` step do it. */
export function unpackCommandLine(commandLine: string): UnpackResult {
  return unpackBase64(commandLine.slice(0, maxCommandLineChars), commandLineUnpackOptions);
}

/**
 * The encoded-command signal of a command line, or null. `unpacked` is the command line's `unpackBase64` result
 * when the caller has it already.
 * @example encodedCommandSignal('powershell -enc JAB0ACAAPQAgACcAZABpAHIAJwA=')?.reason // '… (-enc).'
 */
export function encodedCommandSignal(commandLine: string, unpacked?: UnpackResult): Signal | null {
  const line = commandLine.slice(0, maxCommandLineChars);
  const result = unpacked ?? unpackCommandLine(line);
  const payloads = result.records.filter(isPayload);
  const marker = explicitMarker(line);
  if (!marker && payloads.length === 0) return null;
  const decoded = decodedPayloadText({ records: payloads });
  const first = payloads[0];
  const what = first?.fileType ? `a ${first.fileType} file` : 'text';
  const reason = marker
    ? `The command line hides its real command in base64 (${marker}).`
    : `Base64 in the command line decodes to ${what}: the command carries an encoded payload.`;
  const evidence = decoded.trim() !== '' ? decoded.trim() : first ? `${first.fileName} (${first.fileType})` : line;
  return signal('encoded-command', 'malicious', reason, evidenceText(evidence.replace(/\s+/g, ' ')));
}
