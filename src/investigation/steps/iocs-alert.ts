/**
 * The `iocs` step on the alert's own command line (notebook step 8): base64 decoded (nested, archives expanded),
 * shown inline and as records; IoCs of every type in the command line (msticpy's string mode) and in the decoded
 * text (msticpy's DataFrame defaults); findings for encoded or obfuscated commands and for network indicators.
 */
import { IOC_TYPES, type IocType } from '../../analysis/iocs/ioc-types.js';
import {
  decodedPayloadText,
  encodingSignals,
  iocSignals,
  maxCommandLineChars,
  type Signal,
  unpackCommandLine,
} from '../../analysis/verdict/index.js';
import type { Alert } from '../../core/alert.js';
import type { Block, Fact } from '../../core/section.js';
import type { Finding } from '../step.js';
import {
  controlCount,
  cutText,
  decodedTextBlock,
  printable,
  recordTable,
  shownTextChars,
  unpackWarnings,
} from './iocs-decoded.js';
import { type MergedObservable, mergeHits, observableTable, scanText } from './iocs-observables.js';
import { counted } from './step-blocks.js';

/** What the alert part contributes to the step's answer. */
export interface AlertCommandLineScan {
  blocks: Block[];
  warnings: string[];
  findings: Finding[];
  observables: MergedObservable[];
}

export const alertLineLabel = 'alert command line';
export const alertDecodedLabel = 'decoded from the alert command line';

/** A verdict signal as this step's finding. */
export function toFinding(signal: Signal): Finding {
  return { leaning: signal.leaning, reason: signal.reason, evidence: signal.evidence, stepId: 'iocs' };
}

/**
 * Every type in the alert line, as msticpy's string mode does — except the other OS's path type: a Windows
 * command line's switches (`/c`, `-s:c:\x`) are not Linux paths (msticpy ≤ 2020 skipped them the same way, §e).
 */
function alertLineTypes(alert: Alert): IocType[] {
  const other: IocType = alert.osFamily === 'Linux' ? 'windows_path' : 'linux_path';
  return IOC_TYPES.filter((type) => type !== other);
}

function lineWarnings(raw: string): string[] {
  const warnings: string[] = [];
  if (raw.length > maxCommandLineChars) {
    warnings.push(
      `The command line has ${raw.length.toLocaleString('en-US')} characters; only the first ${maxCommandLineChars.toLocaleString('en-US')} (Windows' limit) were scanned.`,
    );
  }
  const controls = controlCount(raw.slice(0, maxCommandLineChars));
  if (controls > 0) {
    warnings.push(`The command line holds ${counted(controls, 'control character')} (binary data), shown as \ufffd.`);
  }
  return warnings;
}

function summaryFacts(raw: string, records: number, observables: readonly MergedObservable[]): Fact[] {
  const candidates = observables.filter((o) => o.lookupCandidate).length;
  return [
    { label: 'Command line', value: counted(raw.length, 'character') },
    { label: 'Base64 payloads decoded', value: String(records) },
    { label: 'IoCs', value: String(observables.length) },
    { label: 'Worth a threat-intel lookup', value: String(candidates) },
  ];
}

/** Decodes and scans the alert's command line; an alert without one yields a short note. */
export function scanAlertCommandLine(alert: Alert): AlertCommandLineScan {
  const raw = alert.commandLine ?? '';
  if (raw.trim() === '') {
    const markdown = 'The alert gives no command line: only the process tree is scanned.';
    return { blocks: [{ kind: 'text', markdown }], warnings: [], findings: [], observables: [] };
  }
  const line = raw.slice(0, maxCommandLineChars);
  const unpacked = unpackCommandLine(line);
  const payload = decodedPayloadText(unpacked);
  const observables = mergeHits([
    ...scanText(line, alertLineLabel, { types: alertLineTypes(alert) }),
    // msticpy's DataFrame defaults on the decoded text, as the notebook's `full_decoded_string` scan.
    ...scanText(payload, alertDecodedLabel, { includePaths: false }),
  ]);
  const blocks: Block[] = [{ kind: 'facts', facts: summaryFacts(raw, unpacked.records.length, observables) }];
  if (unpacked.records.length > 0) {
    blocks.push(
      { kind: 'text', markdown: '**Decoded command line** (payloads inline as «decoded: …»)' },
      decodedTextBlock(unpacked),
      recordTable(unpacked.records),
    );
  } else {
    blocks.push({ kind: 'text', markdown: 'No base64 payload in the command line.' });
    blocks.push({ kind: 'code', text: cutText(printable(line), shownTextChars) });
  }
  blocks.push(
    observables.length > 0
      ? observableTable(observables)
      : { kind: 'text', markdown: 'No IoCs in the command line or its decoded text.' },
  );
  const signals = [...encodingSignals(line, unpacked), ...iocSignals(observables, 'The alert command line', 'iocs')];
  return {
    blocks,
    warnings: [...lineWarnings(raw), ...unpackWarnings('the command line', unpacked.warnings)],
    findings: signals.map(toFinding),
    observables,
  };
}
