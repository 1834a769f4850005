import { describe, expect, it } from 'vitest';
import { parseCommand, stripMention, tokenize } from '../../src/core/parse-command.js';

const ok = (text: string) => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.command;
};
const fail = (text: string) => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(result.command)}`);
  return result;
};

const alertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';

describe('parseCommand: good input', () => {
  it('treats empty input as help', () => {
    expect(ok('')).toEqual({ name: 'help' });
    expect(ok('   ')).toEqual({ name: 'help' });
  });

  it('parses help with a topic', () => {
    expect(ok('help alerts')).toEqual({ name: 'help', topic: 'alerts' });
  });

  it('parses alerts with window, severity, host and top in any order', () => {
    expect(ok('alerts')).toEqual({ name: 'alerts' });
    expect(ok('alerts last 24h')).toEqual({ name: 'alerts', window: { before: 86_400_000, after: 0 } });
    expect(ok('alerts severity high host WEB01 last 7d top 5')).toEqual({
      name: 'alerts',
      minSeverity: 'high',
      host: 'WEB01',
      top: 5,
      window: { before: 7 * 86_400_000, after: 0 },
    });
    expect(ok('ALERTS sev>=med')).toMatchObject({ minSeverity: 'medium' });
    expect(ok('alerts severity ≥ low')).toMatchObject({ minSeverity: 'low' });
  });

  it('parses alert ids of Sentinel shape', () => {
    expect(ok(`alert ${alertId}`)).toEqual({ name: 'alert', alertId });
    expect(ok(`investigate ${alertId}`)).toEqual({ name: 'investigate', alertId });
    expect(ok('investigate')).toEqual({ name: 'investigate' });
  });

  it('parses windows around the alert time', () => {
    expect(ok(`related ${alertId} -2d..+1d`)).toEqual({
      name: 'related',
      alertId,
      window: { before: 2 * 86_400_000, after: 86_400_000 },
    });
    expect(ok(`tree ${alertId} -60m..+10m`)).toMatchObject({ window: { before: 3_600_000, after: 600_000 } });
  });

  it('parses host or alert targets', () => {
    expect(ok('processes host WEB01 last 2h')).toEqual({
      name: 'processes',
      target: { kind: 'host', host: 'WEB01' },
      window: { before: 7_200_000, after: 0 },
    });
    expect(ok(`logons ${alertId}`)).toEqual({ name: 'logons', target: { kind: 'ref', ref: alertId } });
    expect(ok('failed_logons host DC01.contoso.local')).toMatchObject({
      name: 'failed-logons',
      target: { kind: 'host', host: 'DC01.contoso.local' },
    });
  });

  it('parses digests', () => {
    expect(ok('digest subscribe "daily 08:00" tz Europe/Paris top 5 severity medium')).toEqual({
      name: 'digest',
      digest: { action: 'subscribe', schedule: 'daily 08:00', timezone: 'Europe/Paris', top: 5, minSeverity: 'medium' },
    });
    expect(ok('digest list')).toEqual({ name: 'digest', digest: { action: 'list' } });
    expect(ok('digest unsubscribe abc-123')).toEqual({
      name: 'digest',
      digest: { action: 'unsubscribe', id: 'abc-123' },
    });
  });

  it('parses digest schedules unquoted, a bare time zone, and severity ≥ X', () => {
    expect(ok('digest subscribe daily 08:00 Europe/Paris severity ≥ high')).toEqual({
      name: 'digest',
      digest: { action: 'subscribe', schedule: 'daily 08:00', timezone: 'Europe/Paris', minSeverity: 'high' },
    });
    expect(ok('digest subscribe 0 8 * * 1-5 top 3 sev>=med')).toEqual({
      name: 'digest',
      digest: { action: 'subscribe', schedule: '0 8 * * 1-5', top: 3, minSeverity: 'medium' },
    });
    expect(ok('digest subscribe hourly tz UTC')).toMatchObject({ digest: { schedule: 'hourly', timezone: 'UTC' } });
    expect(ok('digest now')).toEqual({ name: 'digest', digest: { action: 'now' } });
    expect(fail('digest subscribe daily 08:00 top 3 weekly').message).toBe('Unknown digest option "weekly".');
    expect(fail('digest subscribe daily 08:00 severity >= urgent').message).toBe('"urgent" is not a severity.');
    expect(fail('digest subscribe top 3').message).toBe('When should the digest run?');
    expect(fail('digest subscribe daily 08:00 top 0').message).toBe('`top` takes a number from 1 to 50.');
    expect(fail('digest unsubscribe').message).toBe('Which subscription?');
  });

  it('parses vt and export', () => {
    expect(ok('vt 90.156.201.27')).toEqual({ name: 'vt', observable: '90.156.201.27' });
    expect(ok(`vt alert ${alertId}`)).toEqual({ name: 'vt', alertId });
    expect(ok(`VirusTotal ALERT ${alertId}`)).toEqual({ name: 'vt', alertId });
    expect(fail('vt alert').message).toBe('`vt` needs an alert id.');
    expect(ok(`export ${alertId} json`)).toEqual({ name: 'export', alertId, format: 'json' });
    expect(ok(`export ${alertId}`)).toMatchObject({ format: 'md' });
  });

  it('strips bot mentions from Teams and Slack', () => {
    expect(stripMention('<at>socbot</at> alerts')).toBe('alerts');
    expect(stripMention('<@U012AB3CD> alerts')).toBe('alerts');
    expect(stripMention('@socbot: help')).toBe('help');
    expect(ok('<at>socbot</at> alert abc')).toEqual({ name: 'alert', alertId: 'abc' });
  });

  it('keeps quoted strings together, with curly quotes too', () => {
    expect(tokenize('a "b c" “d e”')).toEqual(['a', 'b c', 'd e']);
  });
});

describe('parseCommand: bad input gets a clear answer', () => {
  it('suggests the closest command for a typo', () => {
    const result = fail('alerst');
    expect(result.message).toContain('alerst');
    expect(result.hint).toContain('alerts');
  });

  it('asks for a missing alert id', () => {
    expect(fail('alert').message).toContain('needs an alert id');
    expect(fail('tree').hint).toContain('tree <alertId>');
  });

  it('rejects hostile alert ids before they reach a query', () => {
    for (const hostile of ['x";drop table SecurityAlert;--', "a' or '1'='1", 'x|where 1==1', '../../etc/passwd']) {
      expect(fail(`alert ${hostile}`).message).toContain('does not look like an alert id');
    }
  });

  it('rejects bad windows with the reason', () => {
    expect(fail('alerts last 5 parsecs').message).toMatch(/Bad time window/);
    expect(fail(`related ${alertId} +1d..-1d`).message).toContain('ends before it starts');
  });

  it('rejects bad severities, tops and hosts', () => {
    expect(fail('alerts severity extreme').hint).toContain('informational, low, medium or high');
    expect(fail('alerts top 0').message).toContain('1 to 50');
    expect(fail('processes host "bad host"').message).toContain('not a host name');
  });

  it('refuses huge input and drops control characters', () => {
    expect(fail('a'.repeat(5000)).message).toContain('too long');
    expect(ok('help\u0000\u0007')).toEqual({ name: 'help' });
  });

  it('never throws on arbitrary input', () => {
    const samples = [
      '\u202e',
      '😀 alerts',
      'digest',
      'digest subscribe',
      'export x pdf',
      'vt',
      '"unterminated',
      '\\\\',
    ];
    for (const sample of samples) expect(() => parseCommand(sample)).not.toThrow();
  });
});
