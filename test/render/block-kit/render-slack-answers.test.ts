/**
 * Block Kit for real answers of the conversation core: the demo workspace (alerts, help, an alert, a whole
 * investigation, errors) and the largest real investigation, msticpy's FTP -s alert on ../shared/data. Every
 * message must be within Slack's limits, with a fallback text and buttons whose values parse back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/parse-command.js';
import type { Block, ImageRef, Section } from '../../../src/core/section.js';
import { importPaths } from '../../../src/data/local/import-into-workspace.js';
import { createLocalProvider } from '../../../src/data/local/local-provider.js';
import { openWorkspace, type Workspace } from '../../../src/data/local/workspace.js';
import { writeDemoWorkspace } from '../../../src/data/local/write-demo-workspace.js';
import type { DataProvider } from '../../../src/data/provider.js';
import { answer } from '../../../src/investigation/answer.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import { createLogger } from '../../../src/logger.js';
import { sectionsToSlackMessages } from '../../../src/render/block-kit/render-slack.js';
import type { SlackMessage } from '../../../src/render/block-kit/slack-message.js';
import { hasSharedData, sharedFile } from '../../helpers/shared-data.js';
import { buttonsOf, messageText, slackLimitProblems } from './check-slack-limits.js';

/** Every broken rule of every message, labelled with the Section it came from. */
function problemsOf(sections: readonly Section[], messages: readonly SlackMessage[]): string[] {
  return messages.flatMap((message, i) => slackLimitProblems(message).map((p) => `${sections[i]?.id}: ${p}`));
}

/** The Sections with every chart and graph linked to an image at `urlOf(n)` (as attachImages would). */
function withImages(sections: readonly Section[], urlOf: (n: number) => string): Section[] {
  let n = 0;
  const image = (alt: string): ImageRef => ({ url: urlOf(n++), alt, width: 800, height: 400 });
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b): Block => {
      if (b.kind === 'chart') return { ...b, image: image(b.chart.title) };
      if (b.kind === 'graph') return { ...b, image: image(b.graph.title) };
      return b;
    }),
  }));
}

function ctxOf(data: DataProvider, now: Date, correlationId = 'corr-slack-1'): CommandContext {
  return { data, now: () => now, log: createLogger('silent'), correlationId };
}

describe('Block Kit for the demo workspace answers', () => {
  const end = new Date('2026-03-02T09:00:00Z');
  let workspace: Workspace;
  let data: DataProvider;
  const ask = (text: string) => answer(text, ctxOf(data, end));

  beforeAll(async () => {
    workspace = await openWorkspace(':memory:');
    await writeDemoWorkspace(workspace, { events: 5000, seed: 11, end });
    data = createLocalProvider(workspace);
  });
  afterAll(async () => {
    await data.close();
    workspace.close();
  });

  async function topAlertId(): Promise<string> {
    const top = (await ask('alerts last 7d')).find((s) => s.id === 'alerts-top');
    const table = top?.blocks.find((b) => b.kind === 'table');
    const id = table?.kind === 'table' ? table.rows[0]?.id : undefined;
    if (!id) throw new Error('no alert id in the alerts-top table');
    return id;
  }

  it('every answer renders within Slack limits, one message per Section, buttons that parse back', async () => {
    const id = await topAlertId();
    const questions = ['alerts last 7d', 'help', `alert ${id}`, `investigate ${id}`, 'investigate', 'help alerts'];
    for (const question of questions) {
      const sections = await ask(question);
      const messages = sectionsToSlackMessages(sections);
      expect(messages).toHaveLength(sections.length);
      expect(problemsOf(sections, messages), question).toEqual([]);
      for (const [i, message] of messages.entries()) {
        expect(message.text.length).toBeGreaterThan(0);
        expect(buttonsOf(message).map((b) => b.value)).toEqual(sections[i]!.actions.map((a) => a.command));
      }
    }
  });

  it('the alert list offers an Investigate button per alert, the first one primary', async () => {
    const id = await topAlertId();
    const sections = await ask('alerts last 7d');
    const top = sectionsToSlackMessages(sections)[sections.findIndex((s) => s.id === 'alerts-top')]!;
    const [first] = buttonsOf(top);
    expect(first).toMatchObject({ value: `investigate ${id}`, style: 'primary' });
    expect(parseCommand(first!.value)).toEqual({ ok: true, command: { name: 'investigate', alertId: id } });
    expect(messageText(top)).toContain(id);
  });

  it('errors show the problem and the hint: an unknown id, a bad command, an unexpected failure', async () => {
    const [unknown] = sectionsToSlackMessages(await ask('alert nope-123'));
    expect(unknown!.text).toBe('Alert not found: There is no alert with id nope-123 in this workspace.');
    expect(messageText(unknown!)).toContain('Type `alerts last 7d` to list recent alerts and their ids.');

    const bad = sectionsToSlackMessages(await ask('blargh <!channel>'));
    expect(problemsOf([], bad)).toEqual([]);
    expect(bad[0]!.text).toBe(`I did not understand that: I don't know the command "blargh".`);

    const failing: DataProvider = {
      id: 'local',
      run: () => Promise.reject(new Error('boom')),
      close: async () => {},
    };
    const [failed] = sectionsToSlackMessages(await answer('alerts', ctxOf(failing, end, 'c0ffee-42')));
    expect(slackLimitProblems(failed!)).toEqual([]);
    expect(messageText(failed!)).toContain('Correlation id: `c0ffee-42`');
  });

  it('public images become image blocks; images without a public URL are listed for upload', async () => {
    const id = await topAlertId();
    const sections = await ask(`investigate ${id}`);
    const charts = sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart' || b.kind === 'graph').length;
    expect(charts).toBeGreaterThan(2);

    const published = sectionsToSlackMessages(withImages(sections, (n) => `https://socbot.example/charts/${n}.png`));
    expect(problemsOf(sections, published)).toEqual([]);
    expect(published.flatMap((m) => m.blocks).filter((b) => b.type === 'image')).toHaveLength(charts);
    expect(published.flatMap((m) => m.pendingImages)).toEqual([]);

    const local = sectionsToSlackMessages(withImages(sections, (n) => `/charts/${n}.png`));
    expect(problemsOf(sections, local)).toEqual([]);
    expect(local.flatMap((m) => m.blocks).filter((b) => b.type === 'image')).toEqual([]);
    expect(local.flatMap((m) => m.pendingImages.map((i) => i.url))).toEqual(
      Array.from({ length: charts }, (_, n) => `/charts/${n}.png`),
    );
    expect(local.map((m) => messageText(m)).join('\n')).toMatch(/chart: .+ \(attached\)/);
  });
});

describe.skipIf(!hasSharedData)('Block Kit for the largest real investigation (msticpy FTP -s alert)', () => {
  const ftpAlertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';
  let workspace: Workspace;
  let data: DataProvider;
  let sections: Section[];

  beforeAll(async () => {
    workspace = await openWorkspace(':memory:');
    await importPaths(workspace, [sharedFile('msticpy')]);
    data = createLocalProvider(workspace);
    sections = await answer(`investigate ${ftpAlertId}`, ctxOf(data, new Date('2019-01-16T00:00:00Z')));
  });
  afterAll(async () => {
    await data.close();
    workspace.close();
  });

  it('every Section renders within Slack limits, with and without public images', () => {
    expect(sections.length).toBeGreaterThan(8);
    expect(sections.filter((s) => s.status === 'failed').map((s) => s.id)).toEqual([]);
    for (const variant of [sections, withImages(sections, (n) => `https://socbot.example/charts/${n}.png`)]) {
      const messages = sectionsToSlackMessages(variant);
      expect(problemsOf(variant, messages)).toEqual([]);
      for (const message of messages) {
        for (const button of buttonsOf(message)) expect(parseCommand(button.value).ok).toBe(true);
      }
    }
  });

  it('the 137 related alerts are cut to fit, saying how many rows are not shown and how to get everything', () => {
    const index = sections.findIndex((s) => s.id === 'related-alerts');
    const message = sectionsToSlackMessages(sections)[index]!;
    const text = messageText(message);
    expect(message.text).toMatch(/^137 related alerts: MSTICALERTSWIN1/);
    expect(text).toMatch(/… \d+ more rows not shown\./);
    expect(text).toContain(`type \`export ${ftpAlertId}\` for everything`);
  });

  it('the process tree keeps its monospace text in ``` blocks', () => {
    const index = sections.findIndex((s) => s.id === 'process-tree');
    const text = messageText(sectionsToSlackMessages(sections)[index]!, 'mrkdwn');
    expect(text).toContain('```\nProcess tree:');
    expect(text).toContain('C:\\Windows\\System32\\cmd.exe');
  });
});
