import { describe, expect, it } from 'vitest';
import { allowedEdits, imitatedBinary, masqueradingSignals } from '../../../src/analysis/verdict/masquerading.js';
import { parseImagePath } from '../../../src/analysis/verdict/system-binaries.js';

describe('parseImagePath', () => {
  it('reads drive paths, \\??\\ prefixes and %SystemRoot% the same way', () => {
    expect(parseImagePath('C:\\Windows\\System32\\svchost.exe')).toMatchObject({
      folder: '\\windows\\system32',
      fileName: 'svchost.exe',
      absolute: true,
    });
    expect(parseImagePath('\\??\\C:\\windows\\system32\\conhost.exe').folder).toBe('\\windows\\system32');
    expect(parseImagePath('%SystemRoot%\\System32\\smss.exe').folder).toBe('\\windows\\system32');
    expect(parseImagePath('\\SystemRoot\\System32\\smss.exe').folder).toBe('\\windows\\system32');
    expect(parseImagePath('"D:\\Windows\\SysWOW64\\rundll32.exe"').folder).toBe('\\windows\\syswow64');
  });

  it('knows a bare name or a relative path has no comparable folder', () => {
    expect(parseImagePath('svchost.exe')).toMatchObject({ folder: null, absolute: false });
    expect(parseImagePath('.\\ftp').absolute).toBe(false);
  });
});

describe('imitatedBinary', () => {
  it.each([
    ['suchost.exe', 'svchost.exe', 1],
    ['scvhost.exe', 'svchost.exe', 2],
    ['svhost.exe', 'svchost.exe', 1],
    ['svch0st.exe', 'svchost.exe', 1],
    ['lsasss.exe', 'lsass.exe', 1],
    ['isass.exe', 'lsass.exe', 1],
    ['csrs.exe', 'csrss.exe', 1],
    ['expl0rer.exe', 'explorer.exe', 1],
    ['svchost.com', 'svchost.exe', 0],
  ])('%s imitates %s (%i edits)', (name, genuine, edits) => {
    expect(imitatedBinary(name)).toMatchObject({ genuine, edits });
  });

  it.each([
    'svchost.exe',
    'iexplore.exe',
    'taskhost.exe',
    'dashost.exe',
    'sihost.exe',
    'cscript.exe',
    'notepad.exe',
    'chrome.exe',
    'cmd.exe',
    'sms.exe',
    'ftp.exe',
  ])('%s is not a look-alike', (name) => {
    expect(imitatedBinary(name)).toBeNull();
  });

  it('allows two edits for long names, one for 5–6 letters, none below', () => {
    expect([allowedEdits('svchost'), allowedEdits('lsass'), allowedEdits('smss')]).toEqual([2, 1, 0]);
  });

  it('names homoglyphs: a Cyrillic о in svchost', () => {
    const [found] = masqueradingSignals('C:\\Windows\\System32\\svch\u043est.exe');
    expect(found?.kind).toBe('masquerading');
    expect(found?.reason).toContain("with look-alike characters U+043E 'о'");
  });
});

describe('masqueradingSignals', () => {
  it('flags the demo miner: suchost.exe is one character from svchost.exe', () => {
    expect(masqueradingSignals('c:\\w!ndows\\system32\\suchost.exe')).toEqual([
      expect.objectContaining({
        kind: 'masquerading',
        leaning: 'malicious',
        weight: 3,
        reason:
          'The image name suchost.exe imitates the Windows process svchost.exe (one character away): a classic disguise.',
        evidence: 'c:\\w!ndows\\system32\\suchost.exe',
      }),
    ]);
  });

  it('flags a core process outside System32, even with the genuine name', () => {
    const [found] = masqueradingSignals('C:\\Users\\Public\\svchost.exe');
    expect(found).toMatchObject({ kind: 'masquerading', weight: 3 });
    expect(found?.reason).toBe(
      'svchost.exe is a Windows system process but runs from C:\\Users\\Public, not C:\\Windows\\System32 or C:\\Windows\\SysWOW64.',
    );
  });

  it('calls a system tool copied elsewhere relocated (the FTP alert: ftp.exe in C:\\Diagnostics\\UserTmp)', () => {
    const [found] = masqueradingSignals('c:\\diagnostics\\usertmp\\ftp.exe');
    expect(found).toMatchObject({ kind: 'relocated-system-tool', weight: 2 });
    expect(found?.reason).toContain('ftp.exe was copied to c:\\diagnostics\\usertmp');
  });

  it('gives a benign signal to a genuine binary in its own folder', () => {
    for (const path of [
      'C:\\Windows\\System32\\svchost.exe',
      '\\??\\C:\\windows\\system32\\conhost.exe',
      'C:\\Windows\\explorer.exe',
      'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'C:\\Windows\\WinSxS\\amd64_microsoft-windows-s..cehost_31bf3856ad364e35_10.0.19041.1_none_x\\svchost.exe',
    ]) {
      expect(masqueradingSignals(path).map((s) => [s.kind, s.leaning, s.weight])).toEqual([
        ['expected-location', 'benign', 1],
      ]);
    }
  });

  it('says nothing about a bare genuine name or an unknown program', () => {
    expect(masqueradingSignals('svchost.exe')).toEqual([]);
    expect(masqueradingSignals('C:\\Program Files\\Mozilla Firefox\\firefox.exe')).toEqual([]);
    expect(masqueradingSignals('')).toEqual([]);
  });
});
