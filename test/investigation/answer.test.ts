/**
 * The conversation core end to end on a generated demo workspace: `help`, `alerts`, `alert <id>` and every kind
 * of bad input get a clear answer, through the real provider and parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Section } from '../../src/core/section.js';
import { sectionToCard } from '../../src/render/adaptive-card/render-card.js';
import { sectionsToMarkdown } from '../../src/render/markdown/render-markdown.js';
import { createTestSocbot, type TestSocbot } from '../helpers/test-socbot.js';

function tableOf(sections: Section[], id: string): Extract<Block, { kind: 'table' }> {
  const table = sections.find((s) => s.id === id)?.blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table') throw new Error(`no table in section ${id}`);
  return table;
}

describe('answer() on the demo workspace', () => {
  let socbot: TestSocbot;
  const ask = (text: string) => socbot.answer(text, { correlationId: 'test-correlation' });

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 20_000 });
  });
  afterAll(async () => {
    await socbot.close();
  });

  it('help lists every command', async () => {
    const [help] = await ask('help');
    expect(help?.id).toBe('help');
    const markdown = sectionsToMarkdown(await ask('help'));
    for (const command of ['alerts', 'alert <alertId>', 'investigate <alertId>', 'digest subscribe']) {
      expect(markdown).toContain(command);
    }
  });

  it('alerts: counts by type, a chart, and the top alerts with Investigate buttons', async () => {
    const sections = await ask('alerts last 7d');
    expect(sections.map((s) => s.id)).toEqual(['alerts-overview', 'alerts-top']);
    const overview = sections[0]!;
    expect(overview.title).toMatch(/^\d+ alerts of \d+ types$/);
    expect(overview.blocks.some((b) => b.kind === 'chart' && b.chart.type === 'bar')).toBe(true);
    const top = tableOf(sections, 'alerts-top');
    expect(top.rows.length).toBeGreaterThanOrEqual(5);
    // Highest severity first.
    expect(top.rows[0]?.severity).toBe('High');
    expect(sections[1]?.actions[0]?.command).toBe(`investigate ${top.rows[0]?.id}`);
  });

  it('alerts filters by severity and host', async () => {
    const high = tableOf(await ask('alerts last 7d severity high top 50'), 'alerts-top');
    expect(high.rows.every((r) => r.severity === 'High')).toBe(true);
    const all = tableOf(await ask('alerts last 7d top 50'), 'alerts-top');
    const host = all.rows.find((r) => r.host)?.host ?? '';
    const forHost = tableOf(await ask(`alerts last 7d host ${host} top 50`), 'alerts-top');
    expect(forHost.rows.length).toBeGreaterThan(0);
    expect(forHost.rows.every((r) => r.host === host)).toBe(true);
  });

  it('alerts in an empty window says where the newest alert is', async () => {
    const [section] = await ask('alerts last 1m');
    expect(section?.status).toBe('empty');
    expect(sectionsToMarkdown([section!])).toMatch(/newest alert is from .* try `alerts last \d+d`/);
  });

  it('alert <id>: properties, extended properties, entities, graph and next steps', async () => {
    const top = tableOf(await ask('alerts last 7d severity high'), 'alerts-top');
    const id = top.rows[0]?.id ?? '';
    const sections = await ask(`alert ${id}`);
    expect(sections.map((s) => s.id)).toEqual(['alert-summary', 'alert-details', 'alert-entities']);
    const summary = sections[0]!;
    const facts = summary.blocks.find((b) => b.kind === 'facts');
    expect(facts?.kind === 'facts' && facts.facts.find((f) => f.label === 'Alert id')?.value).toBe(id);
    expect(summary.actions.map((a) => a.label)).toContain('Investigate');
    const entities = sections[2]!;
    expect(entities.blocks.some((b) => b.kind === 'graph' && b.graph.nodes.length > 2)).toBe(true);
    const markdown = sectionsToMarkdown(sections);
    expect(markdown).toContain('host: ');
    // Cards stay within Teams' budget.
    for (const section of sections) expect(JSON.stringify(sectionToCard(section)).length).toBeLessThan(28_000);
  });

  it('every planted attack story raises an alert whose entities point at the story host', async () => {
    const rows = tableOf(await ask('alerts last 7d top 50'), 'alerts-top').rows;
    const names = rows.map((r) => r.name).join('\n');
    expect(names).toMatch(/mining/i);
    expect(names).toMatch(/powershell/i);
    expect(names).toMatch(/credential/i);
    expect(names).toMatch(/brute force|spray/i);
    expect(names).toMatch(/scheduled task/i);
  });

  it('unknown alert id: a friendly card that says what to type', async () => {
    const [section] = await ask('alert 00000000-0000-0000-0000-000000000000');
    expect(section?.status).toBe('failed');
    expect(section?.problem?.code).toBe('AlertNotFound');
    expect(section?.problem?.hint).toContain('alerts last 7d');
  });

  it('malformed commands and hostile strings: an explanation, never a crash', async () => {
    for (const text of ['alerst', 'alert', "alert x' OR 1=1 --", 'alerts last forever', 'x'.repeat(3000)]) {
      const sections = await ask(text);
      expect(sections[0]?.status).toBe('failed');
      expect(sections[0]?.problem?.message.length).toBeGreaterThan(5);
    }
  });

  it('control characters alone read as an empty message: the help card', async () => {
    expect((await ask('\u0000\u0001'))[0]?.id).toBe('help');
  });

  it('commands of later releases say so', async () => {
    const [section] = await ask('vt 90.156.201.27');
    expect(section?.status).toBe('skipped');
  });
});
