/**
 * The `iocs` step on the alert's process tree (notebook step 9): the tree is rebuilt from the host's process
 * events around the alert (the same query and window as the process-tree step, so the answer is shared), then
 * every command line in it is base64-decoded and scanned for network and hash IoCs, each tied to its process.
 */

import { unpackBase64 } from '../../analysis/base64/unpack.js';
import { extractIocsFromRows } from '../../analysis/iocs/extract.js';
import type { IocType } from '../../analysis/iocs/ioc-types.js';
import { type AlertTreeRow, alertProcessTree, imageFileName } from '../../analysis/process-tree/index.js';
import {
  commandLineUnpackOptions,
  decodedPayloadText,
  encodedCommandSignal,
  iocSignals,
  maxCommandLineChars,
  readableDecodedText,
} from '../../analysis/verdict/index.js';
import type { SecurityEventRow } from '../../core/rows.js';
import type { Block } from '../../core/section.js';
import type { Finding, StepContext } from '../step.js';
import { toFinding } from './iocs-alert.js';
import { preview, unpackWarnings } from './iocs-decoded.js';
import { type MergedObservable, mergeHits, type ObservableHit, observableTable, scanText } from './iocs-observables.js';
import { cappedTable, counted } from './step-blocks.js';
import { alertHost, alertProcessSource } from './step-target.js';
import { hostWindowParams, type StepWindow, stepWindow } from './step-windows.js';

type TreeRow = AlertTreeRow<SecurityEventRow>;

/** msticpy's DataFrame-mode types for tree command lines (notebook step 9). */
const treeTypes: readonly IocType[] = ['ipv4', 'ipv6', 'dns', 'url', 'md5_hash', 'sha1_hash', 'sha256_hash'];
/** Tree processes scanned (a busy parent can have hundreds of siblings). */
export const maxTreeRows = 500;
/** Bytes decoded over the whole tree, so many encoded siblings cannot add up to a bomb. */
export const treeDecodeBudget = 4 * 1024 * 1024;
/** Characters of tree command lines scanned for IoCs in total (500 maximal lines would be 16 MB). */
export const treeScanChars = 2 * 1024 * 1024;
const BASE64_RUN = /[A-Za-z0-9+/]{30}/;

/** What the tree part contributes: its blocks (or why there are none), warnings, findings. */
export interface TreeScan {
  status: 'ok' | 'empty';
  blocks: Block[];
  warnings: string[];
  findings: Finding[];
  observables: MergedObservable[];
  window: StepWindow | null;
}

const roleNames: Record<string, string> = {
  'source:0': 'alert process',
  'parent:1': 'parent',
  'parent:2': 'grandparent',
  'child:1': 'child',
  'child:2': 'grandchild',
  'sibling:1': 'sibling',
};

/** `powershell.exe (PID 0x1684, sibling)`. */
export function processLabel(row: TreeRow): string {
  const name = imageFileName(row.event.NewProcessName ?? '') || 'unknown';
  const role = roleNames[`${row.NodeRole}:${row.Level}`] ?? row.NodeRole;
  return `${name} (PID ${row.event.NewProcessId ?? '?'}, ${role})`;
}

function empty(markdown: string, warnings: string[], window: StepWindow | null): TreeScan {
  return { status: 'empty', blocks: [{ kind: 'text', markdown }], warnings, findings: [], observables: [], window };
}

interface DecodedRow {
  label: string;
  command: string;
  decoded: string;
}

/** Base64 in the tree's command lines, within one shared byte budget. */
function decodeTree(rows: readonly TreeRow[], warnings: string[]) {
  let budget = treeDecodeBudget;
  const decodedRows: DecodedRow[] = [];
  const hits: ObservableHit[] = [];
  const encoded: { label: string; evidence: string }[] = [];
  for (const row of rows) {
    const line = (row.event.CommandLine ?? '').slice(0, maxCommandLineChars);
    if (!BASE64_RUN.test(line)) continue;
    if (budget <= 0) {
      warnings.push('Base64 decoding stopped: the process tree used up its decoding budget.');
      break;
    }
    const limits = { ...commandLineUnpackOptions.limits, maxTotalDecodedBytes: budget };
    const unpacked = unpackBase64(line, { ...commandLineUnpackOptions, limits });
    budget -= unpacked.records.reduce((sum, record) => sum + record.inputBytes.length, 0);
    const label = processLabel(row);
    warnings.push(...unpackWarnings(label, unpacked.warnings));
    if (unpacked.records.length === 0) continue;
    decodedRows.push({
      label,
      command: preview(line),
      decoded: preview(readableDecodedText(unpacked.decodedText), 300),
    });
    hits.push(...scanText(decodedPayloadText(unpacked), `decoded from ${label}`, { includePaths: false }));
    const signal = encodedCommandSignal(line, unpacked);
    if (signal) encoded.push({ label, evidence: signal.evidence });
  }
  return { decodedRows, hits, encoded };
}

function encodedFinding(encoded: readonly { label: string; evidence: string }[]): Finding | null {
  const first = encoded[0];
  if (!first) return null;
  const names = encoded.slice(0, 3).map((e) => e.label);
  const more = encoded.length > names.length ? ` and ${encoded.length - names.length} more` : '';
  return {
    leaning: 'malicious',
    reason: `${counted(encoded.length, 'process', 'processes')} in the alert's process tree ran an encoded command: ${names.join(', ')}${more}.`,
    evidence: first.evidence,
    stepId: 'iocs',
  };
}

function treeBlocks(rows: readonly TreeRow[], decodedRows: readonly DecodedRow[], observables: MergedObservable[]) {
  const blocks: Block[] = [
    {
      kind: 'facts',
      facts: [
        { label: 'Processes scanned', value: String(rows.length) },
        { label: 'Command lines with base64', value: String(decodedRows.length) },
        { label: 'IoCs', value: String(observables.length) },
        { label: 'Worth a threat-intel lookup', value: String(observables.filter((o) => o.lookupCandidate).length) },
      ],
    },
  ];
  if (decodedRows.length > 0) {
    const columns = [
      { key: 'process', label: 'Process' },
      { key: 'command', label: 'Command line', mono: true },
      { key: 'decoded', label: 'Decoded', mono: true },
    ];
    const tableRows = decodedRows.map((r) => ({ process: r.label, command: r.command, decoded: r.decoded }));
    blocks.push(cappedTable(columns, tableRows));
  }
  blocks.push(
    observables.length > 0 ? observableTable(observables) : { kind: 'text', markdown: 'No IoCs in the tree.' },
  );
  return blocks;
}

/** The tree's command lines to scan for IoCs, each and all together capped. */
function scanLines(rows: readonly TreeRow[], warnings: string[]): { CommandLine: string }[] {
  let left = treeScanChars;
  const lines = rows.map((row) => {
    const line = (row.event.CommandLine ?? '').slice(0, Math.min(maxCommandLineChars, left));
    left -= line.length;
    return { CommandLine: line };
  });
  if (left <= 0)
    warnings.push(
      `IoCs were searched in the first ${treeScanChars.toLocaleString('en-US')} characters of the tree's command lines.`,
    );
  return lines;
}

/**
 * Scans the alert's process tree. `skipSource` leaves out the alert process itself when its command line was
 * scanned already.
 */
export async function scanProcessTree(ctx: StepContext, skipSource: boolean): Promise<TreeScan> {
  const { alert } = ctx;
  const host = alertHost(alert);
  const source = alertProcessSource(alert);
  if (alert.osFamily !== 'Windows')
    return empty(`Process trees come from Windows events; this is a ${alert.osFamily} alert.`, [], null);
  if (!host) return empty('The alert names no host, so its process tree cannot be scanned.', [], null);
  if (!source) return empty('The alert names no process id, so its process tree cannot be scanned.', [], null);
  const window = stepWindow(ctx, 'tree');
  const result = await ctx.query('list_host_processes', hostWindowParams(host, window));
  const warnings = [...window.warnings, ...result.warnings];
  const tree = alertProcessTree(result.rows, source);
  if (!tree.found) return empty(`${tree.reason} The tree could not be scanned.`, warnings, window);
  const all = tree.rows.filter((row) => !(skipSource && row.NodeRole === 'source'));
  const rows = all.slice(0, maxTreeRows);
  if (all.length > rows.length)
    warnings.push(`Only the first ${maxTreeRows} of ${all.length} tree processes were scanned.`);
  const decoded = decodeTree(rows, warnings);
  const lines = scanLines(rows, warnings);
  const lineHits: ObservableHit[] = extractIocsFromRows(lines, 'CommandLine', { types: treeTypes }).map((hit) => ({
    type: hit.IoCType,
    value: hit.Observable,
    where: rows[hit.SourceIndex] ? processLabel(rows[hit.SourceIndex]!) : 'process tree',
  }));
  const observables = mergeHits([...lineHits, ...decoded.hits]);
  const findings = [
    encodedFinding(decoded.encoded),
    ...iocSignals(observables, 'The process tree', 'iocs').map(toFinding),
  ];
  return {
    status: 'ok',
    blocks: treeBlocks(rows, decoded.decodedRows, observables),
    warnings,
    findings: findings.filter((f): f is Finding => f !== null),
    observables,
    window,
  };
}
