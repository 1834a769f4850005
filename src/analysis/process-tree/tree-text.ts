/**
 * Text renderings of process trees, as msticpy prints them: the legacy alert-tree view (`format_process_tree`,
 * two lines per process indented by role) and `tree_to_text` for trees built from raw events.
 */
import type { ProcessTree, ProcessTreeNode } from './build-process-tree.js';
import type { ProcessEvent, ProcessSchema } from './process-event.js';
import { valueText } from './process-event.js';
import { wrapText } from './text-wrap.js';
import { descendantsOf, roots } from './tree-navigation.js';
import type { AlertTreeRow } from './tree-roles.js';

/**
 * A time as pandas prints a Timestamp: `2019-01-15 05:15:15.677000`, no fraction when it is zero, and
 * `+00:00` for the UTC-aware times of a built tree.
 */
export function pandasTime(time: Date, options: { utc?: boolean } = {}): string {
  const ms = time.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${String(ms).padStart(3, '0')}000`;
  return `${time.toISOString().slice(0, 19).replace('T', ' ')}${fraction}${options.utc ? '+00:00' : ''}`;
}

/** A column as text; absent values print as empty (msticpy would print `nan` or `None`). */
function text(value: unknown): string {
  return valueText(value) ?? '';
}

/** Indent level of the legacy view: grandparent 0, parent 1, source and siblings 2, children 3 + Level. */
function legacyIndent(row: AlertTreeRow<ProcessEvent>): number {
  if (row.NodeRole === 'parent') return row.Level > 1 ? 0 : 1;
  if (row.NodeRole === 'child') return 3 + row.Level;
  return 2;
}

function legacyLines(row: AlertTreeRow<ProcessEvent>, schema: ProcessSchema): [string, string] {
  const event = row.event;
  const head = `[${row.NodeRole}:lev${row.Level}] ${pandasTime(event.TimeGenerated)} ${text(event.NewProcessName)}`;
  if (schema === 'linux') {
    const cwd = (event as ProcessEvent & { cwd?: unknown }).cwd;
    return [
      `${head} [PID: ${text(event.NewProcessId)}, PPID: ${text(event.ProcessId)}]`,
      `(Cmdline: "${text(event.CommandLine)}") [Path: ${text(cwd)}]`,
    ];
  }
  return [
    `${head} [PID: ${text(event.NewProcessId)}, SubjSess:${text(event.SubjectLogonId)}, TargSess:${text(event.TargetLogonId)}]`,
    `(Cmdline: "${text(event.CommandLine)}") [Account: ${text(event.Account)}]`,
  ];
}

/**
 * The legacy msticpy text view of an alert process tree (`format_process_tree(fmt='txt')`): a
 * `Process tree:` header underlined, then per process, in time order, two lines indented 4 spaces per
 * level. Times print as pandas prints a naive timestamp.
 */
export function formatProcessTreeText(
  rows: readonly AlertTreeRow<ProcessEvent>[],
  options: { schema?: ProcessSchema } = {},
): string {
  const schema = options.schema ?? 'windows';
  const title = 'Process tree:';
  const ordered = [...rows].sort((a, b) => a.event.TimeGenerated.getTime() - b.event.TimeGenerated.getTime());
  let out = `${title}\n${'_'.repeat(title.length)}`;
  for (const row of ordered) {
    const indent = ' '.repeat(4 * legacyIndent(row));
    const [line1, line2] = legacyLines(row, schema);
    out += `\n${indent}${line1}\n${indent}${line2}`;
  }
  return out;
}

/** The values msticpy's default template shows for a node: name, pid, time, command line, user id, logon id. */
function templateLines(node: ProcessTreeNode<ProcessEvent>): string[][] {
  const event = node.event;
  return [
    [`Process: ${text(node.processName)}`, `PID: ${node.processId}`],
    [`Time: ${pandasTime(node.time, { utc: true })}`],
    [`Cmdline: ${text(event?.CommandLine)}`],
    [`Account: ${text(event?.SubjectUserSid)}`, `Account: ${text(node.subjectLogonId)}`],
  ];
}

/** msticpy `_node_header`: `+ ` for a root, `+-- ` indented three spaces per level below it. */
function nodeHeader(depth: number): string {
  return depth === 0 ? '+ ' : `${'   '.repeat(depth)}+-- `;
}

/** Renders nodes as msticpy `tree_to_text` does (nodes are printed in the order given). */
export function nodesToText(nodes: readonly ProcessTreeNode<ProcessEvent>[], options: { wrap?: number } = {}): string {
  const width = options.wrap ?? 80;
  const out: string[] = [];
  for (const node of nodes) {
    const header = nodeHeader(node.depth);
    const indent = `${' '.repeat(header.length)} `;
    const [first, ...rest] = templateLines(node);
    const firstLines = wrapText((first ?? []).join('  '), { width, subsequentIndent: indent });
    out.push(`${header} ${firstLines.join('\n')}\n`);
    for (const items of rest) {
      const lines = wrapText(items.join('  '), { width, initialIndent: indent, subsequentIndent: `${indent}   ` });
      out.push(lines.join('\n'), '\n');
    }
  }
  return out.join('');
}

/**
 * msticpy `tree_to_text` of one tree: the root (a node, or its position among `roots(tree)`) and all its
 * descendants in path order, wrapped at 80 columns.
 */
export function treeToText<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  root: number | ProcessTreeNode<E>,
  options: { wrap?: number } = {},
): string {
  const node = typeof root === 'number' ? roots(tree)[root] : root;
  if (!node) return '';
  return nodesToText(descendantsOf(tree, node, { includeSelf: true }), options);
}
