import { describe, expect, it } from 'vitest';
import { skeleton } from '../../../src/analysis/verdict/look-alike.js';
import { doubleExtensionSignals, pathOdditySignals } from '../../../src/analysis/verdict/path-oddities.js';

const reasons = (path: string) => pathOdditySignals(path).map((s) => s.reason);

describe('skeleton', () => {
  it('folds leetspeak, punctuation and Cyrillic look-alikes', () => {
    expect(skeleton('w!ndows')).toBe(skeleton('Windows'));
    expect(skeleton('svch0st')).toBe(skeleton('svchost'));
    expect(skeleton('\u0455ystem32')).toBe(skeleton('system32'));
    expect(skeleton('win\u202edows')).toBe(skeleton('windows'));
  });
});

describe('pathOdditySignals', () => {
  it("flags the demo miner's c:\\w!ndows folder", () => {
    expect(pathOdditySignals('c:\\w!ndows\\system32\\suchost.exe')).toEqual([
      expect.objectContaining({
        kind: 'odd-path',
        weight: 3,
        reason: "The folder w!ndows imitates Windows with odd characters (U+0021 '!').",
      }),
    ]);
  });

  it('flags a Cyrillic letter in a system folder name', () => {
    expect(reasons('C:\\Windows\\\u0405ystem32\\svchost.exe')).toEqual([
      "The folder \u0405ystem32 imitates System32 with odd characters (U+0405 'Ѕ').",
    ]);
  });

  it('flags the mock trusted folder trick (a trailing space after Windows)', () => {
    expect(reasons('C:\\Windows \\System32\\printui.exe')).toEqual([
      'The folder "Windows " is Windows with an extra space: the "mock trusted folder" trick to pass as a system path.',
    ]);
  });

  it('flags a misspelt system32 right under Windows, but not the genuine C:\\Windows\\System folder', () => {
    expect(reasons('C:\\Windows\\Sytem32\\lsass.exe')).toEqual(['The folder Sytem32 looks like a misspelt System32.']);
    expect(reasons('C:\\Windows\\System\\x.exe')).toEqual([]);
    expect(reasons('C:\\Users\\bob\\Sytem32\\x.exe')).toEqual([]);
  });

  it('flags invisible right-to-left overrides', () => {
    expect(reasons('C:\\Users\\bob\\Downloads\\invoice\u202Efdp.exe')[0]).toContain('U+202E');
  });

  it('flags non-ASCII letters in a file name inside a system folder, not in user folders', () => {
    expect(reasons('C:\\Windows\\System32\\spool\u0455v.exe')).toEqual([]);
    expect(reasons('C:\\Windows\\System32\\n\u043etepad.exe')[0]).toContain("U+043E 'о'");
    expect(reasons('C:\\Users\\José\\Documents\\app.exe')).toEqual([]);
  });

  it('leaves genuine paths alone', () => {
    for (const path of [
      'C:\\Windows\\System32\\svchost.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\MsMpEng.exe',
      'C:\\Users\\bob\\AppData\\Local\\Microsoft\\Windows\\INetCache\\x.tmp',
      'C:\\Windows\\SysWOW64\\WindowsPowerShell\\v1.0\\powershell.exe',
      'c:\\diagnostics\\usertmp\\ftp.exe',
    ]) {
      expect(reasons(path)).toEqual([]);
    }
  });
});

describe('doubleExtensionSignals', () => {
  it('finds documents that are programs, in paths and command lines', () => {
    expect(doubleExtensionSignals('cmd /c start C:\\Users\\bob\\invoice.pdf.exe').map((s) => s.evidence)).toEqual([
      'invoice.pdf.exe',
    ]);
    expect(doubleExtensionSignals('"photo.jpg      .scr"')[0]?.reason).toBe(
      'photo.jpg .scr has a document extension followed by a program extension: it is a program posing as a document.',
    );
  });

  it('ignores ordinary dotted names', () => {
    expect(doubleExtensionSignals('node jquery.min.js setup.x64.exe report.2021.pdf archive.tar.gz')).toEqual([]);
  });

  it('stays linear on a 1 MB run without separators', () => {
    const started = performance.now();
    expect(doubleExtensionSignals('a.'.repeat(500_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
