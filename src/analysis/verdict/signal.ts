/**
 * A verdict signal: one plain-language reason an alert looks malicious or benign, the evidence behind it, and a
 * fixed weight per kind so the score can be explained line by line ("no magic").
 */

/** What a signal is about; each kind has one weight (`signalWeights`). */
export type SignalKind =
  | 'masquerading'
  | 'odd-path'
  | 'double-extension'
  | 'crypto-mining'
  | 'credential-access'
  | 'defence-evasion'
  | 'encoded-command'
  | 'obfuscated-command'
  | 'suspicious-tool-use'
  | 'relocated-system-tool'
  | 'network-indicator'
  | 'hidden-execution'
  | 'expected-location'
  | 'file-hashes'
  | 'step-finding';

/** `malicious` raises suspicion, `benign` lowers it, `info` is context (weight 0). */
export type SignalLeaning = 'malicious' | 'benign' | 'info';

/** One reason, with its evidence and where it came from. */
export interface Signal {
  kind: SignalKind;
  leaning: SignalLeaning;
  /** Points this signal adds to its side of the score (`signalWeights[kind]`, 0 for info). */
  weight: number;
  /** One sentence an analyst can read aloud. */
  reason: string;
  /** The text behind it: a command-line excerpt, a path, observables. */
  evidence: string;
  /** `alert` for the verdict's own checks, else the id of the step that reported it. */
  source: string;
}

/**
 * Points per kind. 3 = strong (rarely benign: a look-alike system binary, a mining pool, dumping lsass), 2 =
 * moderate (admins do it too, attackers do it often), 1 = weak context (another step's finding, a hidden window).
 */
export const signalWeights: Readonly<Record<SignalKind, number>> = {
  masquerading: 3,
  'odd-path': 3,
  'double-extension': 3,
  'crypto-mining': 3,
  'credential-access': 3,
  'defence-evasion': 3,
  'encoded-command': 2,
  'obfuscated-command': 2,
  'suspicious-tool-use': 2,
  'relocated-system-tool': 2,
  'network-indicator': 1,
  'hidden-execution': 1,
  'expected-location': 1,
  'file-hashes': 0,
  'step-finding': 1,
};

/** Weight at and above which a signal counts as strong in the headline. */
export const strongWeight = 3;

/** Longest evidence kept on a signal (the rest is cut with `…`). */
export const maxEvidenceChars = 200;

/** `text` cut to `max` characters with `…`, control characters shown as spaces so evidence stays one readable line. */
export function evidenceText(text: string, max = maxEvidenceChars): string {
  // Control characters (NUL from UTF-16 read as UTF-8, bells, escapes) would garble a chat message.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point.
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** A signal of `kind` with the kind's weight (0 when the leaning is info). */
export function signal(
  kind: SignalKind,
  leaning: SignalLeaning,
  reason: string,
  evidence: string,
  source = 'alert',
): Signal {
  return {
    kind,
    leaning,
    weight: leaning === 'info' ? 0 : signalWeights[kind],
    reason,
    evidence: evidenceText(evidence),
    source,
  };
}
