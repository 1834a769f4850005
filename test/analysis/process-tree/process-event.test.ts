import { describe, expect, it } from 'vitest';
import {
  effectiveLogonId,
  idKey,
  imageFileName,
  imageMatches,
  sameId,
  toDate,
} from '../../../src/analysis/process-tree/index.js';
import { proc } from './make-event.js';

describe('process event readers', () => {
  it('compares ids across hex text, decimal text and numbers', () => {
    expect(idKey('0x1580')).toBe('5504');
    expect(idKey(' 0X1A ')).toBe('26');
    expect(idKey(22536.0)).toBe('22536');
    expect(idKey('-1')).toBe('-1');
    expect(idKey('')).toBeNull();
    expect(idKey(null)).toBeNull();
    expect(idKey(Number.NaN)).toBeNull();
    expect(sameId('0x1580', 5504)).toBe(true);
    expect(sameId('1580', '0x1580')).toBe(false);
    expect(sameId(null, null)).toBe(false);
  });

  it('matches images by full path or by file name, ignoring case', () => {
    const image = 'C:\\Diagnostics\\UserTmp\\ftp.exe';
    expect(imageFileName(image)).toBe('ftp.exe');
    expect(imageFileName('/usr/bin/id')).toBe('id');
    expect(imageMatches(image, 'FTP.EXE')).toBe(true);
    expect(imageMatches(image, 'c:\\diagnostics\\usertmp\\ftp.exe')).toBe(true);
    expect(imageMatches(image, 'C:\\Windows\\ftp.exe')).toBe(false);
    expect(imageMatches(null, 'ftp.exe')).toBe(false);
  });

  it('reads times from Dates, epoch numbers and zone-less text as UTC', () => {
    expect(toDate('2019-01-15 05:15:15.677').toISOString()).toBe('2019-01-15T05:15:15.677Z');
    expect(toDate('2021-04-01 05:04:58.000000 ').toISOString()).toBe('2021-04-01T05:04:58.000Z');
    expect(toDate('2019-02-10T15:21:06.890Z').getTime()).toBe(Date.parse('2019-02-10T15:21:06.890Z'));
    expect(toDate(0).getTime()).toBe(0);
    expect(Number.isNaN(toDate('not a time').getTime())).toBe(true);
    expect(Number.isNaN(toDate(undefined).getTime())).toBe(true);
  });

  it('takes the effective session from TargetLogonId unless it is 0x0 or missing', () => {
    expect(effectiveLogonId(proc(0, '1', 'a', '2', null, { SubjectLogonId: '0x3e7', TargetLogonId: '0xfaac27' }))).toBe(
      '0xfaac27',
    );
    expect(effectiveLogonId(proc(0, '1', 'a', '2', null, { SubjectLogonId: '0x3e7', TargetLogonId: '0x0' }))).toBe(
      '0x3e7',
    );
    expect(effectiveLogonId(proc(0, '1', 'a', '2', null, { SubjectLogonId: '-1', TargetLogonId: null }))).toBe('-1');
  });
});
