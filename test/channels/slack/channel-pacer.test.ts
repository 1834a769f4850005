/**
 * The per-channel pacing queue: one task at a time per channel, starts spaced, channels independent, failures
 * contained.
 */
import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../../src/channels/slack/channel-pacer.js';

describe('ChannelPacer', () => {
  it('spaces the starts in one channel and keeps their order', async () => {
    const pacer = new ChannelPacer(40);
    const starts: { name: string; at: number }[] = [];
    const task = (name: string) => async () => {
      starts.push({ name, at: performance.now() });
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((name) => pacer.run('C1', task(name))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(starts.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(starts[1]!.at - starts[0]!.at).toBeGreaterThanOrEqual(38);
    expect(starts[2]!.at - starts[1]!.at).toBeGreaterThanOrEqual(38);
  });

  it('does not make one channel wait for another', async () => {
    const pacer = new ChannelPacer(200);
    const started = performance.now();
    await Promise.all(['C1', 'C2', 'C3'].map((channel) => pacer.run(channel, async () => channel)));
    expect(performance.now() - started).toBeLessThan(150);
  });

  it('runs one task at a time in a channel', async () => {
    const pacer = new ChannelPacer(0);
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all([1, 2, 3, 4].map(() => pacer.run('C1', task)));
    expect(most).toBe(1);
  });

  it('passes a failure to its caller and goes on with the next task; idle channels are dropped', async () => {
    const pacer = new ChannelPacer(0);
    const failing = pacer.run('C1', async () => {
      throw new Error('ratelimited');
    });
    const next = pacer.run('C1', async () => 'sent');
    await expect(failing).rejects.toThrow('ratelimited');
    await expect(next).resolves.toBe('sent');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pacer.busyChannels).toBe(0);
  });
});
