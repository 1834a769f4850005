/**
 * `kqlLiteral`, the one function that turns a typed value into KQL: each kind's literal, typed nulls, and refusals
 * (NaN, invalid dates, out-of-range years, non-GUIDs). The parse-level guarantees (a hostile string stays one
 * literal with exactly its value) are in test/data/loganalytics/kql-injection.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { KqlLiteralError, kqlLiteral, kqlString } from '../../src/data/escape-kql.js';

describe('kqlLiteral', () => {
  it('writes strings double-quoted, escaping quote, backslash and line breaks', () => {
    expect(kqlLiteral('MSTICAlertsWin1', 'string')).toBe('"MSTICAlertsWin1"');
    expect(kqlLiteral('c:\\w\\ftp.exe', 'string')).toBe('"c:\\\\w\\\\ftp.exe"');
    expect(kqlLiteral('say "hi"', 'string')).toBe('"say \\"hi\\""');
    expect(kqlLiteral('a\nb\r\tc', 'string')).toBe('"a\\nb\\r\\tc"');
    expect(kqlLiteral('"; SecurityEvent | take 1 //', 'string')).toBe('"\\"; SecurityEvent | take 1 //"');
  });

  it('writes other control characters, line separators and lone surrogates as \\u escapes, keeps real unicode', () => {
    expect(kqlString('\u0000\u001b\u007f')).toBe('"\\u0000\\u001b\\u007f"');
    expect(kqlString('a\u2028b\u2029')).toBe('"a\\u2028b\\u2029"');
    expect(kqlString('\ud800x\udfff')).toBe('"\\ud800x\\udfff"');
    expect(kqlString('ünïcødé 😀 管理员')).toBe('"ünïcødé 😀 管理员"');
  });

  it('never leaves a raw quote or newline in a string literal', () => {
    const literal = kqlLiteral(`x"\n\\"${'\\'.repeat(3)}"`, 'string');
    const inner = literal.slice(1, -1);
    expect(inner).not.toMatch(/(^|[^\\])(\\\\)*"/);
    expect(inner).not.toContain('\n');
  });

  it('writes datetimes as datetime(ISO) and refuses invalid or out-of-range dates', () => {
    expect(kqlLiteral(new Date('2019-01-15T05:15:20Z'), 'datetime')).toBe('datetime(2019-01-15T05:15:20.000Z)');
    expect(() => kqlLiteral(new Date(Number.NaN), 'datetime')).toThrow(KqlLiteralError);
    expect(() => kqlLiteral('2019-01-15', 'datetime')).toThrow(KqlLiteralError);
    expect(() => kqlLiteral(new Date('+012345-01-01T00:00:00Z'), 'datetime')).toThrow(/range/);
  });

  it('writes int and long wrapped, so a negative number is one literal; refuses NaN, fractions, overflow', () => {
    expect(kqlLiteral(3, 'int')).toBe('int(3)');
    expect(kqlLiteral(-5, 'int')).toBe('int(-5)');
    expect(kqlLiteral(2 ** 40, 'long')).toBe('long(1099511627776)');
    for (const bad of [Number.NaN, 1.5, Number.POSITIVE_INFINITY, '3']) {
      expect(() => kqlLiteral(bad, 'int')).toThrow(KqlLiteralError);
    }
    expect(() => kqlLiteral(2 ** 31, 'int')).toThrow(/32-bit/);
    expect(kqlLiteral(0.25, 'real')).toBe('real(0.25)');
    expect(() => kqlLiteral(Number.NaN, 'real')).toThrow(KqlLiteralError);
  });

  it('writes bools, GUIDs and lists', () => {
    expect(kqlLiteral(true, 'bool')).toBe('true');
    expect(() => kqlLiteral('true', 'bool')).toThrow(KqlLiteralError);
    expect(kqlLiteral('74BE27DE-1E4E-49D9-B579-FE0B331D3642', 'guid')).toBe(
      'guid(74be27de-1e4e-49d9-b579-fe0b331d3642)',
    );
    expect(() => kqlLiteral('74be27de) | take 1', 'guid')).toThrow(/GUID/);
    expect(kqlLiteral(['10.0.0.1', 'a"b', 3], 'list')).toBe('dynamic(["10.0.0.1", "a\\"b", 3])');
    expect(() => kqlLiteral([{}], 'list')).toThrow(KqlLiteralError);
    expect(() => kqlLiteral('a,b', 'list')).toThrow(KqlLiteralError);
  });

  it('writes missing values as typed nulls (KQL strings cannot be null: empty)', () => {
    expect(kqlLiteral(null, 'int')).toBe('int(null)');
    expect(kqlLiteral(undefined, 'datetime')).toBe('datetime(null)');
    expect(kqlLiteral(null, 'bool')).toBe('bool(null)');
    expect(kqlLiteral(null, 'string')).toBe('""');
    expect(kqlLiteral(null, 'list')).toBe('dynamic([])');
  });
});
