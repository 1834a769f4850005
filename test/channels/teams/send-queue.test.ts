/**
 * Per-thread send lanes: order kept per thread, Teams' 7-a-second limit kept per thread, threads independent.
 */
import { describe, expect, it } from 'vitest';
import { ConversationSendQueue } from '../../../src/channels/teams/send-queue.js';

/** A manual clock: `sleep` advances it, so rate-limit waits are instant and exact. */
function manualClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('ConversationSendQueue', () => {
  it('sends at most 7 messages in any second of one thread, in order', async () => {
    const clock = manualClock();
    const queue = new ConversationSendQueue(clock);
    const sent: { n: number; at: number }[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        queue.enqueue('thread-1', async (acquire) => {
          await acquire();
          sent.push({ n, at: clock.now() });
        }),
      ),
    );
    expect(sent.map((s) => s.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    for (const s of sent) expect(sent.filter((o) => o.at > s.at - 1000 && o.at <= s.at).length).toBeLessThanOrEqual(7);
    // 20 messages at 7 a second: the last goes out in the third second.
    expect(sent.at(-1)?.at).toBe(2000);
  });

  it('does not make one thread wait for another', async () => {
    const clock = manualClock();
    const queue = new ConversationSendQueue(clock);
    const send = (thread: string) => queue.enqueue(thread, async (acquire) => acquire());
    await Promise.all(Array.from({ length: 7 }, () => send('busy')));
    await send('quiet');
    expect(clock.sleeps).toEqual([]);
  });

  it('keeps going after a failed task and passes its error to the caller', async () => {
    const queue = new ConversationSendQueue(manualClock());
    const failed = queue.enqueue('t', async () => {
      throw new Error('connector down');
    });
    const next = queue.enqueue('t', async () => 'sent');
    await expect(failed).rejects.toThrow('connector down');
    await expect(next).resolves.toBe('sent');
  });

  it('lets unordered sends (typing) overtake the lane but not the rate', async () => {
    const clock = manualClock();
    const queue = new ConversationSendQueue({ ...clock, windows: [{ count: 1, ms: 1000 }] });
    const order: string[] = [];
    let release: () => void = () => undefined;
    const blocked = queue.enqueue('t', async (acquire) => {
      await acquire();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('card');
    });
    await queue.unordered('t', async () => order.push('typing'));
    expect(clock.now()).toBe(1000);
    release();
    await blocked;
    expect(order).toEqual(['typing', 'card']);
  });
});
