/**
 * `digest` through the real conversation core (`socbot.answer` with the asker's actor) on the demo workspace:
 * subscribing in a Slack or Teams conversation, listing with Unsubscribe buttons, unsubscribing only where the
 * digest posts, `digest now` anywhere, the local chat and CLI told where digests go, and every bad input answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Section } from '../../../src/core/section.js';
import { answer } from '../../../src/investigation/answer.js';
import { createLogger } from '../../../src/logger.js';
import type { Actor } from '../../../src/policy/actor.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';

const slackAnalyst: Actor = {
  channel: 'slack',
  userId: 'U0ANALYST',
  userName: 'ann',
  tenantId: 'T0TEST',
  conversationId: 'C0SOC',
};
const slackElsewhere: Actor = { ...slackAnalyst, conversationId: 'C0OTHER' };
const teamsAnalyst: Actor = { channel: 'teams', userId: 'aad-1', conversationId: '19:soc@thread.tacv2', teamId: 'T' };
const local: Actor = { channel: 'local', userId: 'local-user', conversationId: 'local' };

function factsOf(section: Section | undefined): Record<string, string> {
  const facts = section?.blocks.find((b): b is Extract<Block, { kind: 'facts' }> => b.kind === 'facts');
  return Object.fromEntries((facts?.facts ?? []).map((f) => [f.label, f.value]));
}

function tableOf(section: Section | undefined): Extract<Block, { kind: 'table' }> | undefined {
  return section?.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
}

describe('digest commands', () => {
  let socbot: TestSocbot;
  const ask = (text: string, actor?: Actor) =>
    socbot.answer(text, { correlationId: 'test', ...(actor ? { actor } : {}) });

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 5_000 });
  });
  afterAll(async () => {
    await socbot.close();
  });

  let id = '';

  it('subscribes a Slack channel: id, schedule in words, the next 3 runs in its zone', async () => {
    const [answered] = await ask('digest subscribe daily 08:00 tz europe/paris top 3 severity >= medium', slackAnalyst);
    expect(answered?.id).toBe('digest-subscribed');
    id = /^Digest ([a-z2-9]{6}) subscribed$/.exec(answered?.title ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    expect(answered?.subtitle).toBe('every day at 08:00 (Europe/Paris) · top 3 · severity ≥ medium');
    const next = factsOf(answered)['Next runs']?.split('\n') ?? [];
    expect(next).toHaveLength(3);
    for (const line of next) expect(line).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d 08:00 GMT\+[12]$/);
    expect(answered?.actions.map((a) => a.command)).toContain(`digest unsubscribe ${id}`);
    expect(await socbot.digests.get(id)).toMatchObject({
      channel: 'slack',
      conversationId: 'C0SOC',
      cron: '0 8 * * *',
      timezone: 'Europe/Paris',
      top: 3,
      minSeverity: 'medium',
      createdBy: { userId: 'U0ANALYST', userName: 'ann', tenantId: 'T0TEST' },
    });
  });

  it('says so when the same digest is subscribed again', async () => {
    const [again] = await ask('digest subscribe "0 8 * * *" Europe/Paris top 3 sev medium', slackAnalyst);
    expect(again?.title).toBe(`Already subscribed: digest ${id}`);
    expect(await socbot.digests.list({ channel: 'slack', conversationId: 'C0SOC' })).toHaveLength(1);
  });

  it('lists only this conversation’s digests, each with an Unsubscribe button', async () => {
    const [teams] = await ask('digest subscribe weekdays 09:30', teamsAnalyst);
    expect(teams?.subtitle).toBe('Monday to Friday at 09:30 (UTC) · top 5 · every severity');
    const [list] = await ask('digest list', slackAnalyst);
    expect(list?.title).toBe('1 digest in this conversation');
    expect(tableOf(list)?.rows).toEqual([
      expect.objectContaining({
        id,
        when: 'every day at 08:00 (Europe/Paris)',
        alerts: 'top 3 · severity ≥ medium',
        last: 'not yet',
      }),
    ]);
    expect(list?.actions.map((a) => a.command)).toEqual([`digest unsubscribe ${id}`, 'digest now']);
    const [elsewhere] = await ask('digest list', slackElsewhere);
    expect(elsewhere).toMatchObject({ title: 'No digests in this conversation', status: 'empty' });
  });

  it('unsubscribes only in the conversation the digest posts to', async () => {
    const [refused] = await ask(`digest unsubscribe ${id}`, slackElsewhere);
    expect(refused?.problem).toMatchObject({
      code: 'BadInput',
      message: `No digest "${id}" posts to this conversation.`,
    });
    expect(await socbot.digests.get(id)).toBeDefined();
    const [done] = await ask(`digest unsubscribe ${id.toUpperCase()}`, slackAnalyst);
    expect(done).toMatchObject({ id: 'digest-unsubscribed', title: `Digest ${id} removed` });
    expect(await socbot.digests.get(id)).toBeUndefined();
    const [unknown] = await ask('digest unsubscribe nosuch', slackAnalyst);
    expect(unknown?.problem?.message).toBe('No digest "nosuch" posts to this conversation.');
    expect(unknown?.problem?.hint).toContain('digest list');
  });

  it('answers bad schedules, zones and sizes clearly', async () => {
    const problem = async (text: string) => (await ask(text, slackAnalyst))[0]?.problem;
    expect(await problem('digest subscribe "*/5 * * * *"')).toMatchObject({
      code: 'BadInput',
      message: expect.stringContaining('every 5 minutes'),
    });
    expect(await problem('digest subscribe "61 8 * * *"')).toMatchObject({
      message: expect.stringContaining('not a valid cron expression'),
    });
    expect(await problem('digest subscribe daily 08:00 tz Mars/Olympus')).toMatchObject({
      message: '"Mars/Olympus" is not a time zone I know.',
      hint: expect.stringContaining('Europe/Paris'),
    });
    expect(await problem('digest subscribe daily 08:00 top 0')).toMatchObject({
      code: 'BadCommand',
      message: '`top` takes a number from 1 to 50.',
    });
    expect(await problem('digest subscribe daily 08:00 top 500')).toMatchObject({ code: 'BadCommand' });
    expect(await problem('digest subscribe')).toMatchObject({ message: 'When should the digest run?' });
    expect(await problem('digest subscribe daily 08:00 tz')).toMatchObject({ message: '`tz` needs a time zone.' });
  });

  it('tells the local chat and the CLI that digests post into Teams or Slack channels', async () => {
    for (const actor of [local, { ...local, channel: 'cli' as const, conversationId: 'cli' }, undefined]) {
      const [answered] = await ask('digest subscribe daily 08:00', actor);
      expect(answered).toMatchObject({ id: 'digest-not-here', title: 'Digests post into Teams or Slack channels' });
      expect(answered?.actions[0]?.command).toBe('digest now');
    }
    // A bad schedule is still explained there.
    expect((await ask('digest subscribe "* * * * *"', local))[0]?.problem?.code).toBe('BadInput');
    // The operator's list shows every digest on the server, without buttons to remove others' digests.
    const [list] = await ask('digest list', local);
    expect(list?.title).toBe('1 digest on this server');
    expect(tableOf(list)?.rows[0]?.where).toBe('teams 19:soc@thread.tacv2');
    expect(list?.actions.map((a) => a.command)).toEqual(['digest now']);
  });

  it('digest now answers the digest of the last 24 h right here, in any channel', async () => {
    for (const actor of [local, slackAnalyst]) {
      const sections = await ask('digest now', actor);
      expect(sections).toHaveLength(1);
      const [digest] = sections;
      expect(digest?.id).toBe('digest');
      expect(digest?.subtitle).toMatch(/^Digest now · last 24 hours/);
      // The demo workspace ends at the current hour, with alerts in its last day.
      expect(digest?.status).toBe('ok');
      expect(digest?.title).toMatch(/^Alert digest: \d+ alerts? of \d+ types?$/);
      const rows = tableOf(digest)?.rows ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(5);
      expect(digest?.actions.some((a) => a.command.startsWith('investigate '))).toBe(true);
      expect(digest?.actions.at(-1)).toEqual({ label: 'All these alerts', command: 'alerts last 1d' });
    }
  });

  it('with digests off, says so (and digest now still works)', async () => {
    const ctx = {
      data: socbot.provider,
      now: () => new Date(),
      log: createLogger('silent'),
      correlationId: 'off',
      actor: slackAnalyst,
    };
    const [off] = await answer('digest subscribe daily 08:00', ctx);
    expect(off).toMatchObject({ id: 'digest-off', title: 'Scheduled digests are off on this server' });
    expect((await answer('digest now', ctx))[0]?.id).toBe('digest');
  });
});
