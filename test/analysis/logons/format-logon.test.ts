import { describe, expect, it } from 'vitest';
import {
  formatLogon,
  formatPandasTimestamp,
  type LogonDisplayRow,
  logonLinesToHtml,
  logonLinesToText,
  sessionIdLabel,
} from '../../../src/analysis/logons/format-logon.js';
import { haveMsticpyData, readCases, readMsticpyJsonl } from '../cluster/msticpy-data.js';

interface FormatCase {
  data_file: string;
  row_index: number;
  observed_lines_windows: string[];
}

function loadLogons(file: string): LogonDisplayRow[] {
  return readMsticpyJsonl(file).map(
    (r) => ({ ...r, TimeGenerated: new Date(String(r.TimeGenerated)) }) as LogonDisplayRow,
  );
}

const cases = haveMsticpyData
  ? readCases<{ format_logon_rows: FormatCase[] }>('logon_display_cases.json').format_logon_rows
  : [];
const rowsByFile = new Map<string, LogonDisplayRow[]>();
const rowOf = (c: FormatCase) => {
  const file = c.data_file.replace('shared/data/msticpy/', '');
  if (!rowsByFile.has(file)) rowsByFile.set(file, loadLogons(file));
  return rowsByFile.get(file)![c.row_index]!;
};

describe.skipIf(!haveMsticpyData)('formatLogon reproduces msticpy _fmt_single_row (plus the session line)', () => {
  it('covers every row of host_logons.jsonl and failed_logons.jsonl', () => {
    expect(cases.filter((c) => c.data_file.endsWith('host_logons.jsonl'))).toHaveLength(25);
    expect(cases.filter((c) => c.data_file.endsWith('failed_logons.jsonl'))).toHaveLength(4);
  });

  it.each(cases.map((c) => ({ ...c, name: `${c.data_file.split('/').pop()} row ${c.row_index}` })))(
    '$name — identical to msticpy except the session-id line msticpy forgets (§j.9)',
    (c) => {
      const row = rowOf(c);
      const lines = formatLogon(row);
      const isSession = (l: (typeof lines)[number]) => l.kind === 'field' && l.label === sessionIdLabel;
      expect(logonLinesToHtml(lines.filter((l) => !isSession(l)))).toEqual(c.observed_lines_windows);
      // The deliberate addition: right before the first empty line, where msticpy builds it.
      const session = lines.findIndex(isSession);
      expect(lines[session + 1]).toEqual({ kind: 'break' });
      expect(lines[session]).toEqual({
        kind: 'field',
        label: 'Session id',
        value: row.TargetLogonId === '0x3e7' ? '0x3e7 (system logon session)' : row.TargetLogonId,
      });
    },
  );
});

describe('formatLogon details', () => {
  const base: LogonDisplayRow = {
    TimeGenerated: new Date('2024-03-01T10:00:00.000Z'),
    TargetUserName: 'alice',
    TargetDomainName: 'CONTOSO',
    LogonType: 6,
    TargetUserSid: 'S-1-5-21-1-2-3-1001',
    TargetLogonId: '0x1a2b',
    SubjectUserName: 'alice',
    SubjectDomainName: '',
    LogonProcessName: 'User32',
    AuthenticationPackageName: 'Negotiate',
    IpAddress: '10.0.0.5',
    WorkstationName: 'WS1',
    Status: null,
  };

  it('prints pandas timestamps (no fraction when zero), unknown types as Unknown, subject without domain', () => {
    const text = logonLinesToText(formatLogon(base));
    expect(text).toContain('Logon Time: 2024-03-01 10:00:00');
    expect(text).toContain('Logon type: 6(Unknown)');
    expect(text).toContain('Subject (source) account: alice');
    expect(text).toContain('  SID S-1-5-21-1-2-3-1001 is local machine or domain account');
    expect(text).toContain('Session id: 0x1a2b');
    expect(text).toContain('Logon status: ');
    expect(formatPandasTimestamp(new Date('2019-02-12T04:56:34.307Z'))).toBe('2019-02-12 04:56:34.307000');
  });

  it('Linux: no logon type or SID notes, an Audit user line instead', () => {
    const lines = logonLinesToText(formatLogon({ ...base, audit_user: 'root' }, { osFamily: 'Linux' }));
    expect(lines.slice(0, 6)).toEqual([
      'Account: alice',
      'Account Domain: CONTOSO',
      'Logon Time: 2024-03-01 10:00:00',
      'User Id/SID: S-1-5-21-1-2-3-1001',
      'Audit user: root',
      'Session id: 0x1a2b',
    ]);
  });

  it('marks the system session', () => {
    expect(logonLinesToText(formatLogon({ ...base, TargetLogonId: '-1' }))).toContain(
      'Session id: -1 (system logon session)',
    );
  });
});
