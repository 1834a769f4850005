/**
 * Recursive base64 unpacking (msticpy's `unpack`, facts §f): each level scans the text for candidates, replaces
 * every decoded one with its markup, and the next level scans the result again, one level deeper.
 *
 * Deliberate differences from msticpy (facts §j.7), each named in the tests:
 * - no whole-string `A` padding (that is `unpack_items(input_string)`'s quirk; `unpack` does not pad);
 * - the next level runs when any candidate of this level decoded, not only the last one;
 * - the scan resumes right after each replaced fragment (msticpy's `match_pos += len(fragment)` can land
 *   inside the fragment), and deeper prefixes are `2.1.`, not `2..1.`;
 * - the undecodable-candidate memo lives for one call, not for the process;
 * - PowerShell-style UTF-16LE payloads decode as UTF-16; archive errors are warnings; hard limits everywhere.
 */
import { decodedSizeOf, findCandidates } from './candidates.js';
import { decodeFragment } from './decode-fragment.js';
import type { Base64Record } from './decode-record.js';
import { type Base64Limits, resolveLimits } from './limits.js';

/** Options for `unpackBase64`. */
export interface UnpackOptions {
  /** Try UTF-16 before UTF-8, as msticpy's `utf16=True` (BOM-less UTF-16LE is detected anyway). */
  utf16?: boolean;
  limits?: Partial<Base64Limits>;
}

/** The text with decoded fragments marked up inline, one record per decoded payload, and what was cut. */
export interface UnpackResult {
  decodedText: string;
  records: Base64Record[];
  /** True when any limit stopped or cut decoding (see `warnings`). */
  truncated: boolean;
  warnings: string[];
}

interface RunState {
  limits: Base64Limits;
  utf16: boolean;
  budgetLeft: number;
  /** Candidates that failed to decode: skipped at every later level (not counted as attempts). */
  undecodable: Set<string>;
  records: Base64Record[];
  warnings: string[];
  truncated: boolean;
}

interface LevelResult {
  text: string;
  attempts: number;
  successes: number;
}

function stop(state: RunState, warning: string): void {
  state.truncated = true;
  state.warnings.push(warning);
}

function decodeLevel(text: string, prefix: string, depth: number, state: RunState): LevelResult {
  const parts: string[] = [];
  const fragments = new Map<string, string>();
  let copied = 0;
  let attempts = 0;
  for (const candidate of findCandidates(text)) {
    if (state.undecodable.has(candidate.text)) continue;
    let markup = fragments.get(candidate.text);
    if (markup === undefined) {
      if (attempts >= state.limits.maxCandidatesPerLevel) {
        stop(state, `depth ${depth}: stopped after ${attempts} base64 candidates`);
        break;
      }
      if (decodedSizeOf(candidate.text) > state.budgetLeft) {
        stop(state, `depth ${depth}: total decoded bytes limit reached`);
        break;
      }
      attempts++;
      const context = { prefix, fragmentIndex: attempts, depth, limits: state.limits, utf16: state.utf16 };
      const fragment = decodeFragment(candidate.text, { ...context, budgetLeft: state.budgetLeft });
      if (fragment === null) {
        state.undecodable.add(candidate.text);
        continue;
      }
      state.budgetLeft -= fragment.bytesUsed;
      state.truncated ||= fragment.truncated;
      for (const record of fragment.records) {
        state.records.push(record);
        for (const warning of record.warnings) state.warnings.push(`${record.index}: ${warning}`);
      }
      markup = fragment.markup;
      // Later identical candidates get the same markup, as msticpy replaces every occurrence at once.
      fragments.set(candidate.text, markup);
    }
    parts.push(text.slice(copied, candidate.start), markup);
    copied = candidate.start + candidate.text.length;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), attempts, successes: fragments.size };
}

function hasPendingCandidate(text: string, state: RunState): boolean {
  for (const candidate of findCandidates(text)) if (!state.undecodable.has(candidate.text)) return true;
  return false;
}

/**
 * Decode base64 runs in `text`, recursively, with zip/gzip/tar payloads expanded. Pure and synchronous; every
 * cost is capped by `limits` (input longer than `maxInputChars` is scanned up to the cap, the rest is appended
 * unchanged, and `truncated` is set).
 */
export function unpackBase64(text: string, options: UnpackOptions = {}): UnpackResult {
  const limits = resolveLimits(options.limits);
  const state: RunState = {
    limits,
    utf16: options.utf16 ?? false,
    budgetLeft: limits.maxTotalDecodedBytes,
    undecodable: new Set(),
    records: [],
    warnings: [],
    truncated: false,
  };
  const tail = text.length > limits.maxInputChars ? text.slice(limits.maxInputChars) : '';
  if (tail !== '') stop(state, `input longer than ${limits.maxInputChars} characters: only the start was scanned`);
  let current = tail === '' ? text : text.slice(0, limits.maxInputChars);
  let prefix = '';
  for (let depth = 1; depth <= limits.maxDepth; depth++) {
    const level = decodeLevel(current, prefix, depth, state);
    current = level.text;
    if (level.successes === 0) break;
    if (depth === limits.maxDepth && hasPendingCandidate(current, state)) {
      stop(state, `stopped at nesting depth ${limits.maxDepth}`);
    }
    // msticpy names the next level after the number of attempts at this one, not the parent fragment.
    prefix = `${prefix}${level.attempts}.`;
  }
  return { decodedText: current + tail, records: state.records, truncated: state.truncated, warnings: state.warnings };
}
