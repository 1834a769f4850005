/**
 * A digest's content read from the demo workspace: one Section with the top alerts (highest severity first), the
 * counts by type and the Investigate buttons; a quiet window says so rather than posting nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSections } from '../../../src/investigation/commands/digest-content.js';
import { createLogger } from '../../../src/logger.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';

describe('digestSections', () => {
  let socbot: TestSocbot;
  const ctx = () => ({ data: socbot.provider, now: () => new Date(), log: createLogger('silent'), correlationId: 'c' });

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 2_000 });
  });
  afterAll(async () => {
    await socbot.close();
  });

  it('condenses the alerts answer of the window into one Section', async () => {
    const until = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const since = new Date(until.getTime() - 7 * 86_400_000);
    const sections = await digestSections({ since, until, top: 2, minSeverity: 'low', heading: 'Weekly' }, ctx());
    expect(sections).toHaveLength(1);
    const [digest] = sections;
    expect(digest?.subtitle).toMatch(/^Weekly · last 7d · severity ≥ low/);
    expect(digest?.blocks.map((b) => b.kind)).toEqual(['text', 'table', 'chart']);
    const table = digest?.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(2);
    expect(digest?.actions.filter((a) => a.command.startsWith('investigate '))).toHaveLength(2);
    expect(digest?.actions.at(-1)?.command).toBe('alerts last 7d severity low');
  });

  it('says so when nothing happened', async () => {
    const [digest] = await digestSections(
      {
        since: new Date('2000-01-01T00:00:00Z'),
        until: new Date('2000-01-02T00:00:00Z'),
        top: 5,
        minSeverity: 'high',
        heading: 'Scheduled digest abcdef · every day at 00:00 (UTC)',
      },
      ctx(),
    );
    expect(digest).toMatchObject({ id: 'digest', title: 'Alert digest: no new alerts', status: 'empty', tone: 'good' });
    expect(digest?.blocks[0]).toEqual({
      kind: 'text',
      markdown: 'No alerts of severity high or above since 2000-01-01 00:00:00Z.',
    });
  });
});
