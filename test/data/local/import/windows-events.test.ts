import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseImportFile, parseImportText } from '../../../../src/data/local/import/index.js';
import { countBy, dataPath, eventKind, hasSharedData } from './shared-data.js';

const datasets = 'security-datasets/';
const sysmonTwins = 'Sysmon EventID 1 duplicating a Security 4688';

function ignoredCount(parsed: { ignored: { reason: string; count: number }[] }, reason: string): number {
  return parsed.ignored.find((i) => i.reason === reason)?.count ?? 0;
}

function totalIgnored(parsed: { ignored: { count: number }[] }): number {
  return parsed.ignored.reduce((sum, i) => sum + i.count, 0);
}

describe.skipIf(!hasSharedData)('Windows event JSON lines (Security-Datasets)', () => {
  // JSON lines per file (PROVENANCE) = rows kept + rows ignored; Sysmon 1 rows all have a Security 4688 twin.
  it.each([
    ['covenant_sharpwmi_create_dcerpc_wmi_2020-08-06035621.json', { 4624: 14, 4688: 5 }, 5, 2343],
    ['empire_launcher_vbs_2020-09-04160940.json', { 4624: 2, 4688: 5 }, 5, 2067],
    ['empire_schtasks_creation_standard_user_2020-09-21031526.json', { 4624: 8, 4688: 2 }, 1, 1297],
    ['psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json', { 4688: 1 }, 1, 184],
    ['schtask_create_2020-12-1907003032.json', { 4624: 1, 4688: 10 }, 10, 1041],
  ])('%s: events %o, %i Sysmon 1 twins, %i lines in all', async (file, expected, twins, lines) => {
    const parsed = await parseImportFile(dataPath(datasets + file));
    expect(parsed.format).toBe('windows-events');
    expect(countBy(parsed.events, eventKind)).toEqual(expected);
    expect(ignoredCount(parsed, sysmonTwins)).toBe(twins);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.events.length + totalIgnored(parsed)).toBe(lines);
  });

  it('ignored rows are counted per channel and event id (Sysmon 10, Security 4656, PowerShell …)', async () => {
    const parsed = await parseImportFile(dataPath(`${datasets}empire_launcher_vbs_2020-09-04160940.json`));
    expect(ignoredCount(parsed, 'Sysmon EventID 10')).toBe(324);
    expect(ignoredCount(parsed, 'Security EventID 4656')).toBe(112);
    expect(ignoredCount(parsed, 'Windows PowerShell EventID 800')).toBe(126);
  });

  it('Computer comes from Hostname, not the collector `host`; Account is Subject for 4688, Target for 4624', async () => {
    const parsed = await parseImportFile(
      dataPath(`${datasets}covenant_sharpwmi_create_dcerpc_wmi_2020-08-06035621.json`),
    );
    expect(new Set(parsed.events.map((e) => e.Computer))).toEqual(
      new Set(['WORKSTATION6.theshire.local', 'MORDORDC.theshire.local']),
    );
    const grunt = parsed.events.find((e) => e.NewProcessName?.endsWith('GruntHTTP2.exe'))!;
    expect(grunt.Account).toBe('THESHIRE\\WORKSTATION6$');
    expect(grunt.TargetLogonId).toBe('0xc93745');
    expect(grunt.Activity).toBe('4688 - A new process has been created.');
    expect(grunt.EventSourceName).toBe('Microsoft-Windows-Security-Auditing');
    const logon = parsed.events.find((e) => e.EventID === 4624 && e.TargetLogonId === '0xc93745')!;
    expect(logon.Account).toBe('THESHIRE.LOCAL\\pgustavo');
    expect(logon.IpAddress).toBe('172.18.39.5');
    expect(logon.LogonType).toBe(3);
    expect(logon.LogonTypeName).toBe('3 - Network');
    expect(logon.LogonGuid).not.toMatch(/[{}]/);
    expect(logon.Activity).toBe('4624 - An account was successfully logged on.');
  });

  it('Logstash format: a Security 4688 with a Sysmon twin takes its UtcTime; other events keep @timestamp (UTC)', async () => {
    const parsed = await parseImportFile(dataPath(`${datasets}empire_launcher_vbs_2020-09-04160940.json`));
    const wscript = parsed.events.find((e) => e.NewProcessName?.endsWith('wscript.exe'))!;
    // @timestamp of the 4688 is 20:09:57.054 (ingest); Sysmon's UtcTime is 20:09:55.035.
    expect(wscript.TimeGenerated.toISOString()).toBe('2020-09-04T20:09:55.035Z');
    expect(wscript.EventSourceName).toBe('Microsoft-Windows-Security-Auditing');
    const logon = parsed.events.find((e) => e.EventID === 4624)!;
    expect(logon.TimeGenerated.toISOString()).toBe('2020-09-04T20:09:40.850Z');
    expect(parsed.notes).toEqual([]);
  });

  it('empire_schtasks: a Sysmon 1 without ProcessId still finds its twin through the logon session', async () => {
    const parsed = await parseImportFile(
      dataPath(`${datasets}empire_schtasks_creation_standard_user_2020-09-21031526.json`),
    );
    const schtasks = parsed.events.find((e) => e.NewProcessName?.endsWith('schtasks.exe'))!;
    expect(schtasks.TimeGenerated.toISOString()).toBe('2020-09-21T07:15:45.693Z');
    expect(schtasks.CommandLine).toContain('FromBase64String');
    expect(parsed.events.filter((e) => e.EventSourceName === 'Microsoft-Windows-Sysmon')).toHaveLength(0);
  });

  it('older Export-WinEvents (psh_lsass): 12-hour local TimeCreated corrected to UTC; rundll32 at 23:50:05 UTC', async () => {
    const parsed = await parseImportFile(dataPath(`${datasets}psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json`));
    const rundll32 = parsed.events[0]!;
    expect(rundll32.NewProcessName).toBe('C:\\Windows\\System32\\rundll32.exe');
    // TimeCreated reads "2020-10-18 07:50:05.910": 7:50 PM EDT on a clock without AM/PM.
    expect(rundll32.TimeGenerated.toISOString()).toBe('2020-10-18T23:50:05.910Z');
    expect(rundll32.Computer).toBe('WORKSTATION5');
    expect(rundll32.Task).toBe(13312);
    expect(parsed.notes).toEqual([
      'WORKSTATION5: TimeCreated is local time on a 12-hour clock; corrected by +16:00 derived from 148 Sysmon UtcTime samples',
    ]);
  });

  it('newer Export-WinEvents (schtask_create): local time mislabelled Z corrected by +05:00 per host', async () => {
    const parsed = await parseImportFile(dataPath(`${datasets}schtask_create_2020-12-1907003032.json`));
    const at = (image: string) =>
      parsed.events.find((e) => e.NewProcessName?.endsWith(image))!.TimeGenerated.toISOString();
    // The brief's example: the process whose 4688 reads "07:00:03.821Z" is dumpcap.exe; schtasks.exe itself
    // runs 19 s later (Sysmon UtcTime 12:00:22.190).
    expect(at('dumpcap.exe')).toBe('2020-12-19T12:00:03.821Z');
    expect(at('schtasks.exe')).toBe('2020-12-19T12:00:22.190Z');
    // The 4624 has no Sysmon twin: its time comes from the derived offset alone.
    const logon = parsed.events.find((e) => e.EventID === 4624)!;
    expect(logon.TimeGenerated.toISOString()).toBe('2020-12-19T12:00:22.238Z');
    expect(parsed.notes).toHaveLength(2);
    expect(parsed.notes?.[0]).toContain('corrected by +05:00');
  });

  it('Sysmon 1 without a Security twin becomes a 4688-shaped row marked as Sysmon', async () => {
    const file = `${datasets}psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json`;
    const text = await readFile(dataPath(file), 'utf8');
    const withoutSecurity4688 = text
      .split('\n')
      .filter((line) => !(line.includes('"EventID":4688') && line.includes('"Channel":"Security"')))
      .join('\n');
    const parsed = parseImportText(file, withoutSecurity4688);
    expect(countBy(parsed.events, eventKind)).toEqual({ '4688-sysmon': 1 });
    const row = parsed.events[0]!;
    expect(row).toMatchObject({
      EventID: 4688,
      EventSourceName: 'Microsoft-Windows-Sysmon',
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: 'WORKSTATION5',
      NewProcessName: 'C:\\Windows\\System32\\rundll32.exe',
      NewProcessId: '0x12d8', // Sysmon ProcessId 4824
      ProcessId: '0x17d4', // Sysmon ParentProcessId 6100, as the Security 4688 has it
      ParentProcessName: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      SubjectUserName: 'wardog',
      SubjectDomainName: 'WORKSTATION5',
      SubjectLogonId: '0xc61d9',
      Account: 'WORKSTATION5\\wardog',
      MandatoryLabel: 'S-1-16-12288',
    });
    expect(row.TimeGenerated.toISOString()).toBe('2020-10-18T23:50:05.910Z');
    expect(row.CommandLine).toContain('comsvcs.dll MiniDump 756');
  });
});

describe.skipIf(!hasSharedData)('GoldenSAML (already SecurityEvent-shaped)', () => {
  it('WindowsEvents.json: 28 logons kept; other event ids and the Event table ignored', async () => {
    const parsed = await parseImportFile(dataPath(`${datasets}GoldenSAMLADFSMailAccess/WindowsEvents.json`));
    expect(parsed.format).toBe('jsonl');
    expect(countBy(parsed.events, eventKind)).toEqual({ 4624: 28 });
    expect(parsed.skipped).toEqual([]);
    expect(Object.fromEntries(parsed.ignored.map((i) => [i.reason, i.count]))).toEqual({
      'SecurityEvent EventID 412': 1,
      'SecurityEvent EventID 501': 1,
      'SecurityEvent EventID 4662': 5,
      'SecurityEvent EventID 5156': 1,
      'Event table rows': 2,
    });
    const logon = parsed.events.find((e) => e.TargetLogonId === '0x8f0cd568')!;
    expect(logon.TimeGenerated.toISOString()).toBe('2021-08-02T13:06:38.330Z');
    expect(logon.Account).toBe('SIMULANDLABS.COM\\wardog');
    expect(logon.LogonGuid).toBe('bd2dda1b-862a-504f-2260-d9d2ed316e26'); // from LogonGuid_string
    expect(logon.ProcessId).toBe('0x0'); // from ProcessId_string
  });

  it.each([
    ['AADAuditEvents.json', 4],
    ['Microsoft365DefenderEvents.json', 9],
    ['OfficeActivityEvents.json', 1],
  ])('%s: other tables, %i rows ignored', async (file, rows) => {
    const parsed = await parseImportFile(dataPath(`${datasets}GoldenSAMLADFSMailAccess/${file}`));
    expect(parsed.alerts.length + parsed.events.length + parsed.skipped.length).toBe(0);
    expect(totalIgnored(parsed)).toBe(rows);
  });
});
