/**
 * Digest schedules as users type them: the friendly phrases become cron, cron reads back in words, and what would
 * flood a channel or cannot be followed is refused with a message that says what to type instead.
 */
import { describe, expect, it } from 'vitest';
import { SocbotError } from '../../src/core/errors.js';
import { parseDigestSchedule } from '../../src/schedule/digest-schedule.js';

function refusal(text: string): SocbotError {
  try {
    parseDigestSchedule(text);
  } catch (error) {
    if (error instanceof SocbotError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseDigestSchedule', () => {
  it('turns the phrases into cron', () => {
    expect(parseDigestSchedule('daily 08:00')).toMatchObject({ cron: '0 8 * * *', words: 'every day at 08:00' });
    expect(parseDigestSchedule('Daily 7:05')).toMatchObject({ cron: '5 7 * * *', words: 'every day at 07:05' });
    expect(parseDigestSchedule('weekdays 09:30')).toMatchObject({
      cron: '30 9 * * 1-5',
      words: 'Monday to Friday at 09:30',
    });
    expect(parseDigestSchedule('hourly')).toMatchObject({ cron: '0 * * * *', words: 'every hour, on the hour' });
  });

  it('takes 5-field cron and says it in words when it can', () => {
    expect(parseDigestSchedule('0 8 * * 1-5').words).toBe('Monday to Friday at 08:00');
    expect(parseDigestSchedule('0 8,12,16 * * *').words).toBe('every day at 08:00, 12:00 and 16:00');
    expect(parseDigestSchedule('30 18 * * sat,sun').words).toBe('on weekends at 18:30');
    expect(parseDigestSchedule('15 * * * mon').words).toBe('every hour at :15, on Monday');
    expect(parseDigestSchedule('*/15 * * * *')).toMatchObject({ cron: '*/15 * * * *' });
    // A shape with no short description reads as the cron expression itself.
    expect(parseDigestSchedule('0 9 1 * *').words).toBe('cron `0 9 1 * *`');
    expect(parseDigestSchedule('  0   8 * *   *  ').cron).toBe('0 8 * * *');
  });

  it('refuses anything more often than every 15 minutes, gaps across the hour included', () => {
    expect(refusal('*/5 * * * *').message).toContain('every 5 minutes');
    expect(refusal('* * * * *').message).toContain('every 1 minute;');
    // 08:50 then 09:00: ten minutes apart.
    expect(refusal('0,50 8,9 * * *').message).toContain('every 10 minutes');
    expect(refusal('*/10 * * * *').hint).toContain('*/15 * * * *');
  });

  it('says what is wrong with a bad schedule', () => {
    expect(refusal('daily').message).toBe('`daily` needs a time of day like 08:00.');
    expect(refusal('daily 25:00').hint).toBe('Type `daily 08:00`.');
    expect(refusal('every tuesday').message).toContain('is not a schedule I know');
    expect(refusal('0 8 * *').message).toContain('is not a schedule I know');
    expect(refusal('0 0 8 * * *').message).toContain('no seconds field');
    expect(refusal('61 8 * * *').message).toBe('"61 8 * * *" is not a valid cron expression (the minute field `61`).');
    expect(refusal('0 8 31 2 *').message).toContain('not a valid cron expression');
    expect(refusal('0 8 L * *').message).toContain('do not support `L`, `W` or `#`');
    expect(refusal('@daily').code).toBe('BadInput');
    for (const text of ['daily', '* * * * *', '0 8 L * *']) expect(refusal(text).hint).toBeTruthy();
  });
});
