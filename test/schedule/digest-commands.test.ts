/**
 * The subscription handler on its own store: ids are short, unambiguous and redrawn on a collision, the server's
 * default zone applies without `tz`, and a conversation cannot pile up digests without end.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocbotError } from '../../src/core/errors.js';
import type { Actor } from '../../src/policy/actor.js';
import { createDigestCommands } from '../../src/schedule/digest-commands.js';
import { newSubscriptionId } from '../../src/schedule/digest-subscription.js';
import { memoryStores, subscription } from './digest-fixtures.js';

const actor: Actor = { channel: 'slack', userId: 'U0ANALYST', tenantId: 'T0TEST', conversationId: 'C0SOC' };
const now = new Date('2026-05-04T06:00:00Z');

describe('createDigestCommands', () => {
  let stores: Awaited<ReturnType<typeof memoryStores>>;
  beforeEach(async () => {
    stores = await memoryStores();
  });
  afterEach(() => stores.close());

  it('draws short ids without look-alike characters', () => {
    const ids = Array.from({ length: 200 }, () => newSubscriptionId());
    for (const id of ids) expect(id).toMatch(/^[a-hjkmnp-z2-9]{6}$/);
    expect(new Set(ids).size).toBeGreaterThan(195);
  });

  it('draws another id when one is taken, and uses the default zone', async () => {
    await stores.digests.add(subscription({ id: 'aaaaaa', conversationId: 'C0ELSE' }));
    const ids = ['aaaaaa', 'bbbbbb'];
    const commands = createDigestCommands({
      store: stores.digests,
      defaultTimezone: 'Asia/Tokyo',
      newId: () => ids.shift() ?? 'cccccc',
    });
    const [answered] = await commands.handle({ action: 'subscribe', schedule: 'daily 09:00' }, { actor, now });
    expect(answered?.title).toBe('Digest bbbbbb subscribed');
    expect(await stores.digests.get('bbbbbb')).toMatchObject({ timezone: 'Asia/Tokyo', top: 5, createdAt: now });
    expect((await stores.digests.get('bbbbbb'))?.minSeverity).toBeUndefined();
  });

  it('refuses more digests than a conversation should have', async () => {
    const commands = createDigestCommands({ store: stores.digests, defaultTimezone: 'UTC', maxPerConversation: 2 });
    await commands.handle({ action: 'subscribe', schedule: 'daily 08:00' }, { actor, now });
    await commands.handle({ action: 'subscribe', schedule: 'daily 12:00' }, { actor, now });
    const third = commands.handle({ action: 'subscribe', schedule: 'daily 16:00' }, { actor, now });
    await expect(third).rejects.toThrow(SocbotError);
    await expect(third).rejects.toThrow('This conversation already has 2 digests.');
    // Another conversation is not affected.
    const [elsewhere] = await commands.handle(
      { action: 'subscribe', schedule: 'daily 16:00' },
      { actor: { ...actor, conversationId: 'C0OTHER' }, now },
    );
    expect(elsewhere?.id).toBe('digest-subscribed');
  });
});
