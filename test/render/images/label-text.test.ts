import { describe, expect, it } from 'vitest';
import { ellipsize, multiLineLabel, pathAwareLabel, singleLineLabel } from '../../../src/render/images/label-text.js';

/** No unpaired surrogate (String.prototype.isWellFormed is ES2024, beyond this project's lib). */
function wellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('ellipsize', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(ellipsize('short', 10)).toBe('short');
    expect(ellipsize('0123456789abc', 10)).toBe('012345678…');
    expect(ellipsize('0123456789abc', 10)).toHaveLength(10);
  });

  it('never splits a surrogate pair (an emoji at the cut)', () => {
    const cut = ellipsize('abcdefgh😀xyz', 10);
    expect(cut).toBe('abcdefgh…');
    expect(wellFormed(cut)).toBe(true);
  });
});

describe('singleLineLabel', () => {
  it('turns newlines and tabs into single spaces and drops control characters', () => {
    expect(singleLineLabel('a\r\nb\tc\u0000d\u0007e\u009bf', 40)).toBe('a b cdef');
  });

  it('drops lone surrogates and XML non-characters (they break Graphviz and encoders)', () => {
    const label = singleLineLabel('ok\ud800 then \udfff end \uffff', 40);
    expect(label).toBe('ok then end');
    expect(wellFormed(label)).toBe(true);
  });

  it('shows bidirectional overrides instead of obeying them (disguised file names)', () => {
    expect(singleLineLabel('invoice\u202Efdp.exe', 40)).toBe('invoice[U+202E]fdp.exe');
  });

  it('cuts a 10 MB string quickly to the limit, marked with an ellipsis', () => {
    const huge = 'x'.repeat(10_000_000);
    const started = performance.now();
    const label = singleLineLabel(huge, 40);
    expect(performance.now() - started).toBeLessThan(50);
    expect(label).toBe(`${'x'.repeat(39)}…`);
  });

  it('marks a cut even when the kept head is mostly whitespace', () => {
    expect(singleLineLabel(`a${' '.repeat(100)}b`, 10)).toBe('a…');
  });
});

describe('multiLineLabel', () => {
  it('keeps lines, cuts each line and the number of lines', () => {
    expect(multiLineLabel('cmd.exe\nPID 0x1a2b', 48, 4)).toEqual(['cmd.exe', 'PID 0x1a2b']);
    expect(multiLineLabel('1\n2\n3\n4\n5', 48, 3)).toEqual(['1', '2', '3…']);
    expect(multiLineLabel(`${'y'.repeat(100)}\nz`, 10, 4)).toEqual([`${'y'.repeat(9)}…`, 'z']);
  });
});

describe('pathAwareLabel', () => {
  it('cuts paths in the middle so the file name stays', () => {
    const label = pathAwareLabel('C:\\Windows\\System32\\process-number-10.exe', 30);
    expect(label.length).toBeLessThanOrEqual(30);
    expect(label).toBe('C:\\…\\process-number-10.exe');
    expect(pathAwareLabel('C:\\Windows\\System32\\drivers\\etc\\hosts-file-name.txt', 36)).toBe(
      'C:\\Windows\\…\\hosts-file-name.txt',
    );
  });

  it('keeps short paths whole and cuts other text at the end', () => {
    expect(pathAwareLabel('c:\\x\\ftp.exe', 30)).toBe('c:\\x\\ftp.exe');
    expect(pathAwareLabel('Detected suspicious credential dump', 20)).toBe('Detected suspicious…');
  });

  it('keeps the end of a 10 KB path without scanning all of it', () => {
    const label = pathAwareLabel(`C:\\${'deep\\'.repeat(2000)}payload.exe`, 40);
    expect(label.length).toBeLessThanOrEqual(40);
    expect(label.endsWith('\\payload.exe')).toBe(true);
    expect(label.startsWith('C:\\deep')).toBe(true);
  });

  it('does not split surrogate pairs at either side of the cut', () => {
    const label = pathAwareLabel(`/home/${'😀'.repeat(30)}/${'😀'.repeat(30)}.sh`, 20);
    expect(wellFormed(label)).toBe(true);
    expect(label.length).toBeLessThanOrEqual(20);
  });
});
