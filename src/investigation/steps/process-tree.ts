/**
 * Step 4: the process tree around the alert process (notebook "Alert Process Session"): built from the host's 4688
 * events in −60 min…+10 min, with grandparent, parent, siblings, children and grandchildren; shown as msticpy's
 * text tree, a graph with the source highlighted, and a timeline.
 */

import {
  type AlertTreeRow,
  alertProcessTree,
  formatProcessTreeText,
  imageFileName,
  processTreeGraph,
} from '../../analysis/process-tree/index.js';
import type { Alert } from '../../core/alert.js';
import type { SecurityEventRow } from '../../core/rows.js';
import type { ChartSpec, Fact, NextAction } from '../../core/section.js';
import { section } from '../../core/section.js';
import type { Finding, Step } from '../step.js';
import { counted, emptySection } from './step-blocks.js';
import { alertHost, alertProcessSource, targetRef } from './step-target.js';
import { hostWindowParams, stepWindow, windowSubtitle } from './step-windows.js';

type TreeRow = AlertTreeRow<SecurityEventRow>;

/** Siblings beyond this many (the ones furthest in time from the source) are left out of the text tree. */
const textSiblings = 20;
const graphNodes = 60;
const sourceMarker = '   ◀ alert process';

const processName = (row: TreeRow) => imageFileName(row.event.NewProcessName ?? '') || 'unknown';
const isRole = (row: TreeRow, role: TreeRow['NodeRole'], level: number) => row.NodeRole === role && row.Level === level;

/** The rows of the text tree: every relative, but only the siblings nearest in time to the source. */
function textRows(rows: readonly TreeRow[], source: SecurityEventRow): { rows: TreeRow[]; hidden: number } {
  const siblings = rows.filter((row) => row.NodeRole === 'sibling');
  if (siblings.length <= textSiblings) return { rows: [...rows], hidden: 0 };
  const at = source.TimeGenerated.getTime();
  const near = new Set(
    [...siblings]
      .sort((a, b) => Math.abs(a.event.TimeGenerated.getTime() - at) - Math.abs(b.event.TimeGenerated.getTime() - at))
      .slice(0, textSiblings),
  );
  return {
    rows: rows.filter((row) => row.NodeRole !== 'sibling' || near.has(row)),
    hidden: siblings.length - near.size,
  };
}

/** msticpy's text tree with the source's first line marked, and a note for the siblings left out. */
function treeText(rows: readonly TreeRow[], source: SecurityEventRow): string {
  const shown = textRows(rows, source);
  const lines = formatProcessTreeText(shown.rows).split('\n');
  const at = lines.findIndex((line) => line.includes('[source:lev0]'));
  if (at >= 0) lines[at] = `${lines[at]}${sourceMarker}`;
  if (shown.hidden > 0) lines.push(`… ${counted(shown.hidden, 'more sibling')} further from the alert time not shown`);
  return lines.join('\n');
}

function treeFacts(rows: readonly TreeRow[], eventCount: number): Fact[] {
  const names = (role: TreeRow['NodeRole'], level: number) =>
    rows.filter((row) => isRole(row, role, level)).map(processName);
  return [
    { label: 'Grandparent', value: names('parent', 2)[0] ?? 'not in the data' },
    { label: 'Parent', value: names('parent', 1)[0] ?? 'not in the data' },
    { label: 'Siblings', value: String(names('sibling', 1).length) },
    { label: 'Children', value: String(names('child', 1).length) },
    { label: 'Grandchildren', value: String(names('child', 2).length) },
    { label: 'Process events in window', value: String(eventCount) },
  ];
}

const roleSeries: [string, (row: TreeRow) => boolean][] = [
  ['Parents', (row) => row.NodeRole === 'parent'],
  ['Alert process', (row) => row.NodeRole === 'source'],
  ['Siblings', (row) => row.NodeRole === 'sibling'],
  ['Children', (row) => row.NodeRole === 'child'],
];

function timeline(alert: Alert, rows: readonly TreeRow[]): ChartSpec {
  const at = alert.startTime ?? alert.timeGenerated;
  return {
    type: 'timeline',
    title: 'Alert process session',
    series: roleSeries
      .map(([name, test]) => ({
        name,
        points: rows.filter(test).map((row) => ({
          at: row.event.TimeGenerated,
          label: `${processName(row)} ${row.event.CommandLine ?? ''}`.trim().slice(0, 160),
        })),
      }))
      .filter((series) => series.points.length > 0),
    ...(at ? { marker: { at, label: 'Alert time' } } : {}),
  };
}

/** The follow-ups from a process tree: the host's other processes, IoCs, the command line elsewhere, logons. */
function treeActions(alert: Alert): NextAction[] {
  const actions: NextAction[] = [{ label: 'Other processes', command: `processes ${targetRef(alert)}` }];
  if (alert.commandLine) {
    actions.push({ label: 'IoCs', command: `iocs ${alert.id}` });
    actions.push({ label: 'Command line elsewhere', command: `cmdline ${alert.id}` });
  }
  actions.push({ label: 'Logons', command: `logons ${targetRef(alert)}` });
  return actions;
}

function parentFinding(rows: readonly TreeRow[], source: SecurityEventRow): Finding {
  const chain = rows.filter((row) => row.NodeRole === 'parent').sort((a, b) => b.Level - a.Level);
  const sourceName = imageFileName(source.NewProcessName ?? '') || 'the alert process';
  const parent = chain.at(-1);
  return {
    leaning: 'info',
    reason: parent
      ? `${sourceName} was started by ${processName(parent)} (PID ${parent.event.NewProcessId ?? '?'}).`
      : `The parent of ${sourceName} is not among the host's process events.`,
    evidence: [...chain.map((row) => row.event.CommandLine ?? processName(row)), source.CommandLine ?? sourceName].join(
      ' → ',
    ),
    stepId: 'process-tree',
  };
}

/** The alert process tree from the host's process events. */
export const processTreeStep: Step = {
  id: 'process-tree',
  title: 'Process tree',
  needs: ['host', 'process', 'windows'],
  async run(ctx) {
    const { alert } = ctx;
    const window = stepWindow(ctx, 'tree');
    const subtitle = windowSubtitle(ctx, window);
    const source = alertProcessSource(alert);
    if (!source) {
      const markdown = `The alert names its process (\`${alert.processFilePath ?? ''}\`) but not its process id, so it cannot be placed in a tree.`;
      const actions = treeActions(alert);
      return { sections: [emptySection({ id: 'process-tree', title: 'Process tree', subtitle, markdown, actions })] };
    }
    const host = alertHost(alert) ?? '';
    const result = await ctx.query('list_host_processes', hostWindowParams(host, window));
    const warnings = [...window.warnings, ...result.warnings];
    const tree = alertProcessTree(result.rows, source);
    if (!tree.found) {
      const markdown = `${tree.reason} The process may have started outside the window, or process creation events (4688) are not collected on ${host}.`;
      const actions = [{ label: 'Wider window', command: `tree ${alert.id} -6h..+1h` }, ...treeActions(alert)];
      const title = 'Alert process not found';
      return { sections: [emptySection({ id: 'process-tree', title, subtitle, markdown, actions, warnings })] };
    }
    const sourceName = imageFileName(tree.source.NewProcessName ?? '') || 'alert process';
    const treeSection = section({
      id: 'process-tree',
      title: `Process tree of ${sourceName} (PID ${tree.source.NewProcessId ?? '?'})`,
      subtitle,
      warnings,
      blocks: [
        { kind: 'facts', facts: treeFacts(tree.rows, result.rows.length) },
        { kind: 'graph', graph: processTreeGraph(tree.rows, { maxNodes: graphNodes }) },
        { kind: 'code', text: treeText(tree.rows, tree.source) },
        { kind: 'chart', chart: timeline(alert, tree.rows) },
      ],
      actions: treeActions(alert),
    });
    return { sections: [treeSection], findings: [parentFinding(tree.rows, tree.source)] };
  },
};
