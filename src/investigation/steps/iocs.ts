/**
 * Step 6 of the playbook (notebook steps 8–9): base64 and IoCs. The alert's command line is decoded (nested
 * payloads, zip/gzip/tar expanded, PowerShell's UTF-16 detected) and scanned for IoCs; then the same is done for
 * every command line in the alert's process tree. Two Sections: the alert command line, and the tree.
 * Every input is capped (32,767-character command lines, decoding budgets), so hostile data answers quickly.
 */

import type { Alert } from '../../core/alert.js';
import type { NextAction } from '../../core/section.js';
import { section } from '../../core/section.js';
import type { Step } from '../step.js';
import { alertLineLabel, scanAlertCommandLine } from './iocs-alert.js';
import { lookupActions } from './iocs-observables.js';
import { scanProcessTree } from './iocs-tree.js';
import { alertHost } from './step-target.js';
import { windowSubtitle } from './step-windows.js';

const title = 'Base64 and IoCs';

function followUps(alert: Alert): NextAction[] {
  const actions: NextAction[] = [];
  if (alert.processId) actions.push({ label: 'Process tree', command: `tree ${alert.id}` });
  if (alert.commandLine) actions.push({ label: 'Command line elsewhere', command: `cmdline ${alert.id}` });
  return actions;
}

/** Base64 payloads and IoCs of the alert's command line and of its process tree. */
export const iocsStep: Step = {
  id: 'iocs',
  title,
  // Needs a command line *or* a process (a tree to scan); `needs` can only say "and", so run() checks.
  needs: [],
  async run(ctx) {
    const { alert } = ctx;
    if (!alert.commandLine && !alert.processId && !alert.processFilePath) {
      const markdown = 'Skipped: the alert has neither a command line nor a process.';
      return { sections: [section({ id: 'iocs', title, status: 'skipped', blocks: [{ kind: 'text', markdown }] })] };
    }
    const line = scanAlertCommandLine(alert);
    const tree = await scanProcessTree(ctx, Boolean(alert.commandLine));
    const host = alertHost(alert);
    const lineSection = section({
      id: 'iocs',
      title: `${title}: ${alertLineLabel}`,
      subtitle: [host, alert.processName].filter(Boolean).join(' · ') || undefined,
      status: alert.commandLine ? 'ok' : 'empty',
      blocks: line.blocks,
      warnings: line.warnings,
      actions: [...lookupActions(line.observables), ...followUps(alert)],
    });
    const treeSection = section({
      id: 'iocs-tree',
      title: `${title}: process tree`,
      ...(tree.window ? { subtitle: windowSubtitle(ctx, tree.window) } : {}),
      status: tree.status,
      blocks: tree.blocks,
      warnings: tree.warnings,
      actions: lookupActions(tree.observables),
    });
    return { sections: [lineSection, treeSection], findings: [...line.findings, ...tree.findings] };
  },
};
