/**
 * Follow-ups in an investigation's thread: short commands get the thread's alert id; anything complete runs as
 * typed; outside such a thread nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { alertIdOfCommand, resolveFollowUp } from '../../src/channels/thread-follow-up.js';

const id = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';

describe('resolveFollowUp', () => {
  it('gives bare step commands (and their aliases) the thread’s alert', () => {
    expect(resolveFollowUp('tree', id)).toBe(`tree ${id}`);
    expect(resolveFollowUp('logons', id)).toBe(`logons alert ${id}`);
    expect(resolveFollowUp('procs', id)).toBe(`processes alert ${id}`);
    expect(resolveFollowUp('cmdline', id)).toBe(`cmdline ${id}`);
    expect(resolveFollowUp('proctree', id)).toBe(`tree ${id}`);
    expect(resolveFollowUp('  Related ', id)).toBe(`related ${id}`);
    expect(resolveFollowUp('investigate', id)).toBe(`investigate ${id}`);
  });

  it('keeps a time window after the inserted alert id', () => {
    expect(resolveFollowUp('tree -30m..+5m', id)).toBe(`tree ${id} -30m..+5m`);
    expect(resolveFollowUp('logons last 2h', id)).toBe(`logons alert ${id} last 2h`);
    expect(resolveFollowUp('Failed-logons -1d..+1h', id)).toBe(`failed-logons alert ${id} -1d..+1h`);
    expect(resolveFollowUp('tree -1d..0', id)).toBe(`tree ${id} -1d..0`);
    expect(resolveFollowUp('tree -1d..bogus', id)).toBe(`tree ${id} -1d..bogus`);
  });

  it('maps `vt` and `more` alone to the alert’s threat intel and related alerts', () => {
    expect(resolveFollowUp('vt', id)).toBe(`vt alert ${id}`);
    expect(resolveFollowUp('VirusTotal', id)).toBe(`vt alert ${id}`);
    expect(resolveFollowUp('VT', id)).toBe(`vt alert ${id}`);
    expect(resolveFollowUp('more', id)).toBe(`related ${id}`);
    expect(resolveFollowUp('vt 90.156.201.27', id)).toBe('vt 90.156.201.27');
  });

  it('runs complete commands and other words as typed', () => {
    expect(resolveFollowUp('tree other-alert', id)).toBe('tree other-alert');
    expect(resolveFollowUp('logons host WEB01', id)).toBe('logons host WEB01');
    expect(resolveFollowUp('alerts last 7d', id)).toBe('alerts last 7d');
    expect(resolveFollowUp('help', id)).toBe('help');
    expect(resolveFollowUp('hello', undefined)).toBe('hello');
    expect(resolveFollowUp('hello there', id)).toBe('hello there');
    expect(resolveFollowUp('', id)).toBe('');
  });

  it('changes nothing outside an investigation’s thread', () => {
    expect(resolveFollowUp('tree', undefined)).toBe('tree');
    expect(resolveFollowUp('more', undefined)).toBe('more');
  });
});

describe('alertIdOfCommand', () => {
  it('finds the alert a command names explicitly', () => {
    expect(alertIdOfCommand(`investigate ${id}`)).toBe(id);
    expect(alertIdOfCommand(`tree ${id} -1h..+10m`)).toBe(id);
    expect(alertIdOfCommand(`logons alert ${id}`)).toBe(id);
    expect(alertIdOfCommand(`vt alert ${id}`)).toBe(id);
  });

  it('ignores commands without an alert, bare words that may be hosts, and bad commands', () => {
    expect(alertIdOfCommand('alerts last 7d')).toBeUndefined();
    expect(alertIdOfCommand('logons WEB01')).toBeUndefined();
    expect(alertIdOfCommand('investigate')).toBeUndefined();
    expect(alertIdOfCommand('frobnicate')).toBeUndefined();
  });
});
