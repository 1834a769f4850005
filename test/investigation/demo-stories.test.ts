/**
 * `investigate` on each attack story the demo generator plants: every story is found by the steps that should
 * find it (the process tree, the clustered processes, the logons and failed logons, the IoCs, the verdict).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../src/core/section.js';
import { createLocalProvider } from '../../src/data/local/local-provider.js';
import { openWorkspace, type Workspace } from '../../src/data/local/workspace.js';
import { type DemoWriteResult, writeDemoWorkspace } from '../../src/data/local/write-demo-workspace.js';
import type { DataProvider } from '../../src/data/provider.js';
import { investigate } from '../../src/investigation/commands/investigate.js';
import type { CommandContext } from '../../src/investigation/context.js';
import type { ProgressEvent } from '../../src/investigation/playbook.js';
import { createLogger } from '../../src/logger.js';
import { sectionsToMarkdown } from '../../src/render/markdown/render-markdown.js';

describe('investigate finds each planted attack story', () => {
  let workspace: Workspace;
  let provider: DataProvider;
  let demo: DemoWriteResult;
  const end = new Date('2026-03-02T09:00:00Z');
  const reports = new Map<string, { sections: Section[]; markdown: string; progress: ProgressEvent[] }>();

  async function report(storyName: string) {
    const cached = reports.get(storyName);
    if (cached) return cached;
    const story = demo.stories.find((s) => s.name === storyName);
    if (!story) throw new Error(`no story ${storyName}: ${demo.stories.map((s) => s.name).join(', ')}`);
    const ctx: CommandContext = {
      data: provider,
      now: () => end,
      log: createLogger('silent'),
      correlationId: storyName,
    };
    const progress: ProgressEvent[] = [];
    const sections = await investigate(story.alertId, ctx, (event) => progress.push(event));
    const result = { sections, markdown: sectionsToMarkdown(sections), progress };
    reports.set(storyName, result);
    return result;
  }

  beforeAll(async () => {
    workspace = await openWorkspace(':memory:');
    demo = await writeDemoWorkspace(workspace, { events: 30_000, seed: 11, end });
    provider = createLocalProvider(workspace);
  });
  afterAll(async () => {
    await provider.close();
    workspace.close();
  });

  it('no step fails on any story, and progress reports every step', async () => {
    for (const story of demo.stories) {
      const { sections, progress } = await report(story.name);
      expect(sections.filter((s) => s.status === 'failed').map((s) => `${s.id}: ${s.problem?.message}`)).toEqual([]);
      const finished = progress.filter((p) => p.type !== 'started').map((p) => p.stepId);
      expect(new Set(finished).size).toBe(finished.length);
      expect(finished).toContain('alert-summary');
    }
  });

  it('crypto-miner: the masquerading image and its path in the process tree', async () => {
    const { markdown, sections } = await report('crypto-miner');
    const tree = sections.find((s) => s.id === 'process-tree');
    expect(tree?.status).toBe('ok');
    expect(markdown).toMatch(/\[source:lev0\][^\n]*c:\\w!ndows\\system32\\suchost\.exe/i);
    expect(markdown).toContain('-a cryptonight');
    const verdict = sections.find((s) => s.id === 'verdict');
    expect(verdict?.title).toMatch(/malicious/i);
    const verdictText = sectionsToMarkdown([verdict!]);
    expect(verdictText).toMatch(/svchost/i);
    expect(verdictText).toMatch(/w!ndows|unusual character|odd/i);
    expect(verdictText).toMatch(/min(ing|er)/i);
  });

  it('credential dumping: rundll32 comsvcs.dll MiniDump of lsass in the tree', async () => {
    const { markdown } = await report('credential-dumping');
    expect(markdown).toMatch(/comsvcs\.dll,? MiniDump/i);
    expect(markdown).toMatch(/lsass/i);
  });

  it('password spray: the failed logons from one address and the logon that followed', async () => {
    const { sections, markdown } = await report('password-spray');
    const failed = sections.find((s) => s.id === 'failed-logons');
    expect(failed?.status).toBe('ok');
    expect(markdown).toMatch(/spray/i);
    expect(markdown).toMatch(/succe/i);
  });

  it('scheduled task: schtasks /create in the tree', async () => {
    const { markdown } = await report('scheduled-task');
    expect(markdown).toMatch(/schtasks(\.exe)?"?\s+\/create/i);
    expect(markdown).toMatch(/\/ru system/i);
  });

  it('encoded PowerShell: decoded, with the download URL among the IoCs', async () => {
    const { markdown, sections } = await report('encoded-powershell');
    expect(markdown).toMatch(/-enc(odedcommand)?\s+[A-Za-z0-9+/=]{40,}/i);
    const iocs = sectionsToMarkdown(sections.filter((s) => s.id.startsWith('iocs')));
    expect(iocs).toMatch(/DownloadString/i);
    expect(iocs).toMatch(/url/);
    expect(iocs).toMatch(/hxxps?:\/\/|https?:\/\//i);
    expect(sections.find((s) => s.id === 'verdict')?.title).toMatch(/malicious/i);
  });

  it('every story ends with a verdict that gives its reasons', async () => {
    for (const story of demo.stories.filter((s) => !s.name.startsWith('benign'))) {
      const { sections } = await report(story.name);
      const verdict = sections.at(-1);
      expect(verdict?.id).toBe('verdict');
      expect(verdict?.status).toBe('ok');
      expect(verdict?.title, story.name).toMatch(/malicious|suspicious|inconclusive/i);
    }
  });
});
