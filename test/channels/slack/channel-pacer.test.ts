/**
 * The per-channel pacing queue (one task at a time per channel, starts spaced, channels independent, failures
 * contained), the bounded memory behind dedupe, and the limiter that keeps heavy work from starving acks.
 */
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../../src/channels/slack/bounded-map.js';
import { ChannelPacer } from '../../../src/channels/slack/channel-pacer.js';
import { WorkLimiter } from '../../../src/channels/slack/work-limiter.js';

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

describe('BoundedMap', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.has('b')).toBe(false);
    expect(map.has('a')).toBe(true);
    expect(map.size).toBe(2);
  });

  it('add() tells a first delivery from a repeat', () => {
    const seen = new BoundedMap<string, true>(10);
    expect(seen.add('Ev1', true)).toBe(true);
    expect(seen.add('Ev1', true)).toBe(false);
  });
});

describe('WorkLimiter', () => {
  it('runs at most `slots` tasks at once, in arrival order, and frees the slot of a failed task', async () => {
    const limiter = new WorkLimiter(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 1) throw new Error('step failed');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limiter.run(task(n))));
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(limiter.active).toBe(0);
    expect(limiter.waiting).toBe(0);
  });
});
