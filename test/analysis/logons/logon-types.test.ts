import { describe, expect, it } from 'vitest';
import { isKnownLogonType, logonTypeName, logonTypeNames } from '../../../src/analysis/logons/logon-types.js';
import { haveMsticpyData, readCases } from '../cluster/msticpy-data.js';

describe('logonTypeName', () => {
  it('names the Windows logon types', () => {
    expect(logonTypeName(2)).toBe('Interactive');
    expect(logonTypeName(3)).toBe('Network');
    expect(logonTypeName(10)).toBe('RemoteInteractive');
    expect(logonTypeName(11)).toBe('CachedInteractive');
  });

  it('shows numbers outside the table, and missing ones, as Unknown (like msticpy)', () => {
    expect(logonTypeName(1)).toBe('Unknown');
    expect(logonTypeName(6)).toBe('Unknown');
    expect(logonTypeName(12)).toBe('Unknown');
    expect(logonTypeName(null)).toBe('Unknown');
    expect(isKnownLogonType(6)).toBe(false);
    expect(isKnownLogonType(0)).toBe(true);
  });
});

describe.skipIf(!haveMsticpyData)("logon type table is msticpy's", () => {
  it('has exactly the entries of _WIN_LOGON_TYPE_MAP', () => {
    const { logon_type_map } = readCases<{ logon_type_map: Record<string, string> }>('logon_display_cases.json');
    expect(Object.fromEntries(Object.entries(logonTypeNames))).toEqual(logon_type_map);
  });
});
