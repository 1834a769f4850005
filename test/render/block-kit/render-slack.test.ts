import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/parse-command.js';
import { type Block, problemSection, type Section, section } from '../../../src/core/section.js';
import {
  exportAlertIdOf,
  sectionsToSlackMessages,
  sectionToSlackMessage,
  slackActionId,
} from '../../../src/render/block-kit/render-slack.js';
import { buttonsOf, checkSlackLimits, messageText } from './check-slack-limits.js';

const alertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';

function tableBlock(rowCount: number, cell = (i: number) => `value ${i}`): Block {
  return {
    kind: 'table',
    columns: [
      { key: 'time', label: 'Time (UTC)' },
      { key: 'cmd', label: 'Command line', mono: true },
    ],
    rows: Array.from({ length: rowCount }, (_, i) => ({ time: `2019-01-15 05:15:${i % 60}Z`, cmd: cell(i) })),
    totalRows: rowCount,
  };
}

const everyKind = section({
  id: 'process-tree',
  title: 'Process tree of **ftp.exe** (PID 0x1580)',
  subtitle: 'MSTICALERTSWIN1 · `-1h..+10m` around the alert',
  tone: 'warning',
  warnings: ['Only the first 500 events were read.'],
  blocks: [
    {
      kind: 'facts',
      facts: Array.from({ length: 23 }, (_, i) => ({
        label: `Fact ${i}`,
        value: i === 0 ? 'c:\\a_b\\ftp.exe' : `${i}`,
      })),
    },
    { kind: 'text', markdown: '⚠️ **21 other one-off processes** ran; see [docs](https://example.com/a?b=1&c=2).' },
    { kind: 'code', text: '.\\ftp  -s:c:\\recycler\\xxppyy.exe' },
    tableBlock(8),
    {
      kind: 'chart',
      chart: { type: 'bar', title: 'Alerts by type', labels: ['a', 'b'], series: [{ name: 'n', values: [3, 1] }] },
      image: { url: 'https://bot.example/charts/abc.png', alt: 'Alerts by type: a 3, b 1', width: 800, height: 400 },
    },
    {
      kind: 'chart',
      chart: { type: 'bar', title: 'Unattached chart', labels: ['x'], series: [{ name: 'n', values: [7] }] },
      image: { url: '/charts/def.png', alt: 'Unattached chart', width: 800, height: 400 },
    },
    {
      kind: 'chart',
      chart: {
        type: 'bar',
        title: 'Not drawn',
        labels: ['lsass.exe', 'cmd.exe'],
        series: [{ name: 'n', values: [4, 2] }],
      },
    },
    { kind: 'chart', chart: { type: 'line', title: 'Logons over time', series: [{ name: 'a', points: [] }] } },
    {
      kind: 'graph',
      graph: { title: 'Entities', nodes: [{ id: 'h', label: 'host', kind: 'host' }], edges: [] },
      image: { url: 'https://bot.example/charts/graph.png', alt: 'Entities: 1 nodes', width: 600, height: 600 },
    },
    { kind: 'graph', graph: { title: 'Tree', nodes: [], edges: [] } },
    { kind: 'attachment', fileName: 'investigation.md', mimeType: 'text/markdown', content: '# report' },
  ],
  actions: [
    { label: 'Other processes', command: `processes ${alertId}`, style: 'primary' },
    ...['tree', 'related', 'iocs', 'cmdline', 'logons', 'failed-logons'].map((name) => ({
      label: name,
      command: `${name} ${alertId}`,
    })),
  ],
});

function blocksOfType<T extends KnownBlock['type']>(blocks: KnownBlock[], type: T) {
  return blocks.filter((b): b is Extract<KnownBlock, { type: T }> => b.type === type);
}

describe('sectionToSlackMessage: every block kind', () => {
  const message = sectionToSlackMessage(everyKind);
  const text = messageText(message);

  it('is within every Slack limit, with a fallback text of the title and the first line', () => {
    checkSlackLimits(message);
    expect(message.text).toBe('Process tree of ftp.exe (PID 0x1580): MSTICALERTSWIN1 · -1h..+10m around the alert');
  });

  it('starts with a plain-text header and a context line with the tone and the subtitle', () => {
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Process tree of ftp.exe (PID 0x1580)', emoji: true },
    });
    expect(text).toContain('🟠 MSTICALERTSWIN1 · `-1h..+10m` around the alert');
    expect(text).toContain('⚠️ Only the first 500 events were read.');
  });

  it('shows facts as fields, at most 10 per section, in order', () => {
    const withFields = blocksOfType(message.blocks, 'section').filter((b) => b.fields);
    expect(withFields.map((b) => b.fields?.length)).toEqual([10, 10, 3]);
    expect(withFields[0]!.fields![0]!.text).toBe('*Fact 0*\n`c:\\a_b\\ftp.exe`');
  });

  it('converts text to mrkdwn, code and tables to ``` blocks', () => {
    expect(text).toContain('⚠️ *21 other one-off processes* ran; see <https://example.com/a?b=1&amp;c=2|docs>.');
    expect(text).toContain('```\n.\\ftp  -s:c:\\recycler\\xxppyy.exe\n```');
    expect(text).toMatch(/```\nTime \(UTC\) +Command line\n─+ {2}─+\n2019-01-15 05:15:0Z +value 0\n/);
  });

  it('shows public images as image blocks and lists the others for upload', () => {
    const images = blocksOfType(message.blocks, 'image');
    expect(images.map((i) => ('image_url' in i ? i.image_url : ''))).toEqual([
      'https://bot.example/charts/abc.png',
      'https://bot.example/charts/graph.png',
    ]);
    expect(images[0]).toMatchObject({
      alt_text: 'Alerts by type: a 3, b 1',
      title: { type: 'plain_text', text: 'Alerts by type' },
    });
    expect(message.pendingImages.map((i) => i.url)).toEqual(['/charts/def.png']);
    expect(text).toContain('chart: Unattached chart (attached)');
  });

  it('shows charts and graphs that were not drawn as text, and names attachments', () => {
    expect(text).toContain('*Not drawn*\n• lsass.exe: 4\n• cmd.exe: 2');
    expect(text).toContain('*Logons over time*: 0 points in 1 series');
    expect(text).toContain('*Tree*: 0 nodes, 0 edges');
    expect(text).toMatch(/📎 \*investigation\.md\* \(text\/markdown, .*\) attached/);
  });

  it('turns actions into buttons, five per block, carrying the command; the primary one styled', () => {
    const actions = blocksOfType(message.blocks, 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([5, 2]);
    const buttons = buttonsOf(message);
    expect(buttons[0]).toEqual({
      text: 'Other processes',
      value: `processes ${alertId}`,
      id: `${slackActionId}:0`,
      style: 'primary',
    });
    expect(buttons.map((b) => b.id)).toEqual(everyKind.actions.map((_, i) => `${slackActionId}:${i}`));
    for (const button of buttons) expect(parseCommand(button.value).ok).toBe(true);
    expect(message.blocks.at(-1)?.type).toBe('actions');
  });

  it('says nothing about truncation when nothing was cut', () => {
    expect(text).not.toContain('truncated');
  });
});

describe('problem Sections', () => {
  it('show the message, the hint and the correlation id', () => {
    const message = sectionToSlackMessage(
      problemSection('error', 'That did not work', {
        code: 'Unexpected',
        message: 'Something failed: <x>',
        hint: 'Try `alerts` again.',
        correlationId: 'c0ffee-1',
      }),
    );
    checkSlackLimits(message);
    expect(message.text).toBe('That did not work: Something failed: &lt;x&gt;');
    const problem = message.blocks[1];
    expect(problem).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '❌ *Something failed: &lt;x&gt;*\nTry `alerts` again.\nCorrelation id: `c0ffee-1`',
        verbatim: true,
      },
    });
  });
});

describe('exportAlertIdOf', () => {
  it('takes the alert of the step buttons, not of alert links to other alerts', () => {
    const related = section({
      id: 'related-alerts',
      title: 'Related',
      actions: [
        { label: 'Alert: other', command: 'alert other-1' },
        { label: 'Process tree', command: `tree ${alertId}` },
      ],
    });
    expect(exportAlertIdOf(related)).toBe(alertId);
  });

  it('takes the one alert of investigate buttons, and none from a list of several', () => {
    expect(
      exportAlertIdOf(section({ id: 'a', title: 'A', actions: [{ label: 'I', command: 'investigate a-1' }] })),
    ).toBe('a-1');
    const list = section({
      id: 'alerts-top',
      title: 'Top',
      actions: [
        { label: 'I', command: 'investigate a-1' },
        { label: 'I', command: 'investigate a-2' },
      ],
    });
    expect(exportAlertIdOf(list)).toBeUndefined();
  });
});

describe('sectionsToSlackMessages', () => {
  it('renders one message per Section, in order', () => {
    const sections: Section[] = [everyKind, section({ id: 'help', title: 'Help' })];
    const messages = sectionsToSlackMessages(sections);
    expect(messages.map((m) => m.text)).toEqual([sectionToSlackMessage(everyKind).text, 'Help']);
    for (const message of messages) checkSlackLimits(message);
  });
});
