import { describe, expect, it } from 'vitest';
import { ClockOffsets, localToUtc } from '../../../../src/data/local/import/clock-offsets.js';

const at = (text: string) => new Date(text);

describe('ClockOffsets', () => {
  it('rounds each sample to the quarter hour and takes the most common offset per host', () => {
    const offsets = new ClockOffsets();
    offsets.addSample('W5', at('2020-12-19T07:00:03.823Z'), at('2020-12-19T12:00:03.821Z'));
    offsets.addSample('W5', at('2020-12-19T07:00:18.024Z'), at('2020-12-19T12:00:18.008Z'));
    offsets.addSample('W5', at('2020-12-19T07:09:00.000Z'), at('2020-12-19T12:00:00.000Z')); // a stray sample
    expect(offsets.offsetFor('W5')).toMatchObject({ offsetMs: 5 * 3_600_000, samples: 2, scope: 'host' });
  });

  it("borrows the file's offset for a host without samples, and has none without any sample", () => {
    const offsets = new ClockOffsets();
    expect(offsets.offsetFor('DC')).toBeNull();
    offsets.addSample('W5', at('2020-08-06T03:56:41.349Z'), at('2020-08-06T07:56:41.349Z'));
    expect(offsets.offsetFor('DC')).toMatchObject({ offsetMs: 4 * 3_600_000, scope: 'file' });
  });

  it('handles half-hour zones and negative offsets', () => {
    const offsets = new ClockOffsets();
    offsets.addSample('IN', at('2020-01-01T17:30:00.010Z'), at('2020-01-01T12:00:00.000Z'));
    expect(offsets.offsetFor('IN')?.offsetMs).toBe(-5.5 * 3_600_000);
  });
});

describe('localToUtc', () => {
  const offsets = new ClockOffsets();
  // psh_lsass: TimeCreated "07:50:05.917" (7:50 PM EDT on a 12-hour clock), Sysmon UtcTime 23:50:05.910.
  offsets.addSample('W5', at('2020-10-18T07:50:05.917Z'), at('2020-10-18T23:50:05.910Z'));
  const offset = offsets.offsetFor('W5')!;

  it('adds the derived offset (+16:00 on a 12-hour clock: 12 h of lost PM plus EDT)', () => {
    expect(offset.offsetMs).toBe(16 * 3_600_000);
    expect(localToUtc(at('2020-10-18T07:50:05.910Z'), offset, true).toISOString()).toBe('2020-10-18T23:50:05.910Z');
  });

  it('on a 12-hour clock, picks the candidate nearest the sampled span (a morning event of the same capture)', () => {
    // Written "11:55" but really 11:55 AM EDT = 15:55 UTC, nearer the samples than 03:55 the next day.
    const wall = at('2020-10-18T11:55:00.000Z');
    expect(localToUtc(wall, { ...offset, middleUtc: Date.parse('2020-10-18T16:00:00Z') }, true).toISOString()).toBe(
      '2020-10-18T15:55:00.000Z',
    );
    expect(localToUtc(wall, offset, false).toISOString()).toBe('2020-10-19T03:55:00.000Z');
  });
});
