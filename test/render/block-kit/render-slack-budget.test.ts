/**
 * The Slack renderer under pressure: hostile content (10 KB command lines, mentions, fences) and sizes beyond
 * Slack's budgets, which shrink tables first, then text, and say what was cut.
 */
import { describe, expect, it } from 'vitest';
import { type Block, section } from '../../../src/core/section.js';
import { sectionToSlackMessage } from '../../../src/render/block-kit/render-slack.js';
import { messageChars } from '../../../src/render/block-kit/slack-message.js';
import { buttonsOf, checkSlackLimits, messageText, slackLimitProblems } from './check-slack-limits.js';

const alertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';

function tableBlock(rowCount: number, cell: (i: number) => string): Block {
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

describe('hostile content', () => {
  const huge = `powershell -enc ${'A'.repeat(10_240)} \`whoami\` <!channel> <@U123> & <script>`;
  const hostile = section({
    id: 'hostile',
    title: `<!channel> ${huge}`,
    subtitle: `<@U123> ${huge}`,
    warnings: [huge, '<!here> & <!everyone>'],
    blocks: [
      { kind: 'facts', facts: [{ label: '<!channel>', value: huge }] },
      { kind: 'text', markdown: `No other host ran \`${huge}\`.` },
      { kind: 'code', text: `${huge}\n\`\`\`\n<!channel>` },
      tableBlock(60, () => huge),
      {
        kind: 'chart',
        chart: { type: 'bar', title: '<!channel>', labels: [huge], series: [{ name: 'n', values: [1] }] },
        image: { url: 'https://bot.example/c.png', alt: huge, width: 1, height: 1 },
      },
    ],
    actions: [
      { label: huge, command: `tree ${alertId}` },
      { label: 'too long to run', command: `vt ${'x'.repeat(2100)}` },
    ],
  });
  const message = sectionToSlackMessage(hostile);

  it('stays within every limit, escaped: nothing pings, nothing breaks the markup', () => {
    // checkSlackLimits also rejects any raw `&`, `<` or unbalanced fence in every mrkdwn text.
    checkSlackLimits(message);
    const mrkdwn = messageText(message, 'mrkdwn');
    expect(mrkdwn).not.toMatch(/<[!@]/);
    expect(mrkdwn).toContain('&lt;!channel&gt;');
    expect(mrkdwn).toContain('&lt;@U123&gt;');
    expect(mrkdwn).toContain('&lt;!here&gt; &amp; &lt;!everyone&gt;');
    expect(message.text).not.toMatch(/<[!@]/);
  });

  it('leaves plain_text as typed: Slack does not parse mentions there, and shows entities literally', () => {
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(messageText(message, 'plain_text')).toMatch(/^<!channel> powershell/);
  });

  it('says what it cut and where to get everything', () => {
    const text = messageText(message);
    expect(text).toContain(`✂️ … truncated, type \`export ${alertId}\` for everything.`);
    expect(text).toMatch(/… \d+ more rows not shown\./);
    expect(text).toContain('… 1 more action not shown.');
    expect(buttonsOf(message)).toHaveLength(1);
  });
});

describe('budgets', () => {
  const longText = `${'Lorem ipsum dolor sit amet. '.repeat(180)}THE END.`;
  const tableAndText = section({
    id: 'mixed',
    title: 'Mixed',
    blocks: [
      tableBlock(50, (i) => `C:\\Windows\\System32\\cmd.exe /c echo ${i} ${'x'.repeat(60)}`),
      { kind: 'text', markdown: longText },
    ],
    actions: [{ label: 'Tree', command: `tree ${alertId}` }],
  });

  it('truncates tables first: the text stays whole while the table loses rows, and says so', () => {
    const message = sectionToSlackMessage(tableAndText, { budgetChars: 9000 });
    expect(slackLimitProblems(message).filter((p) => !p.includes('characters >'))).toEqual([]);
    expect(messageChars(message.blocks)).toBeLessThanOrEqual(9000);
    const text = messageText(message);
    expect(text).toContain('THE END.');
    expect(text).toContain('… 25 more rows not shown.');
    expect(text).toContain('truncated');
  });

  it('then truncates text when the table alone cannot make it fit', () => {
    const message = sectionToSlackMessage(tableAndText, { budgetChars: 3500 });
    expect(messageChars(message.blocks)).toBeLessThanOrEqual(3500);
    const text = messageText(message);
    expect(text).not.toContain('THE END.');
    expect(text).toContain('Lorem ipsum');
    expect(text).toContain(`type \`export ${alertId}\` for everything`);
  });

  it('keeps to the block count, dropping whole parts from the end and counting them', () => {
    const many = section({
      id: 'many',
      title: 'Many parts',
      blocks: Array.from({ length: 80 }, (_, i) => ({ kind: 'text' as const, markdown: `part ${i}` })),
    });
    const message = sectionToSlackMessage(many);
    checkSlackLimits(message);
    expect(message.blocks).toHaveLength(50);
    const text = messageText(message);
    // The header, 47 parts, the truncation note and the count of what is not shown.
    expect(text).toContain('part 46');
    expect(text).not.toContain('part 47');
    expect(text).toContain('… 33 more parts of this answer not shown.');
    expect(sectionToSlackMessage(many, { maxBlocks: 10 }).blocks.length).toBeLessThanOrEqual(10);
  });

  it('falls back to the header and a note when even the smallest shape does not fit', () => {
    const message = sectionToSlackMessage(section({ id: 'x', title: 'Tiny budget', warnings: ['w'.repeat(1900)] }), {
      budgetChars: 500,
    });
    expect(messageChars(message.blocks)).toBeLessThanOrEqual(500);
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'context']);
  });
});
