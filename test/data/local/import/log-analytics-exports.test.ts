import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseImportFile, parseImportText } from '../../../../src/data/local/import/index.js';
import { countBy, dataPath, hasSharedData } from './shared-data.js';

describe.skipIf(!hasSharedData)('Log Analytics exports: msticpy data', () => {
  it('alertlist.csv: 189 alerts with raw Sentinel names mapped back from msticpy projection', async () => {
    const parsed = await parseImportFile(dataPath('msticpy/alertlist.csv'));
    expect(parsed.format).toBe('csv');
    expect(parsed.alerts).toHaveLength(189);
    expect(parsed.events).toHaveLength(0);
    expect(parsed.skipped).toEqual([]);
    expect(countBy(parsed.alerts, (a) => a.AlertSeverity)).toEqual({
      High: 102,
      Medium: 56,
      Low: 24,
      Informational: 7,
    });
    expect(countBy(parsed.alerts, (a) => a.ProviderName)).toEqual({
      Detection: 138,
      CustomAlertRule: 36,
      InternalDemo: 15,
    });
    const ftp = parsed.alerts[101]!;
    expect(ftp.SystemAlertId).toBe('2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd');
    expect(ftp.DisplayName).toBe('Detected suspicious use of FTP -s Switch');
    expect(ftp.AlertSeverity).toBe('Medium');
    expect(ftp.VendorOriginalId).toBe('265472ff-3820-4dad-8da7-00e39e1a99fd');
    expect(ftp.StartTime?.toISOString()).toBe('2019-01-15T05:15:15.000Z');
    expect(ftp.EndTime?.toISOString()).toBe('2019-01-15T05:15:15.000Z');
    expect(ftp.TimeGenerated.toISOString()).toBe('2019-01-15T05:15:20.000Z');
    expect(ftp.IsIncident).toBe(false);
    expect(ftp.ConfidenceScore).toBeNull();
    expect(ftp.CompromisedEntity).toBe('MSTICALERTSWIN1');
    // Entities and ExtendedProperties stay JSON text, as Sentinel stores them.
    expect(typeof ftp.Entities).toBe('string');
    expect(Array.isArray(JSON.parse(ftp.Entities!))).toBe(true);
    expect(JSON.parse(ftp.ExtendedProperties!)).toBeTypeOf('object');
    expect(Object.keys(ftp)).not.toContain('AlertDisplayName');
    const times = parsed.alerts.map((a) => a.TimeGenerated.getTime());
    expect(new Date(Math.min(...times)).toISOString()).toBe('2019-01-10T05:48:09.000Z');
    expect(new Date(Math.max(...times)).toISOString()).toBe('2019-01-15T22:46:37.000Z');
  });

  it('processes_on_host.csv: 363 process events, zone-less times read as UTC', async () => {
    const parsed = await parseImportFile(dataPath('msticpy/processes_on_host.csv'));
    expect(parsed.events).toHaveLength(363);
    expect(countBy(parsed.events, (e) => e.EventID)).toEqual({ 4688: 363 });
    expect(countBy(parsed.events, (e) => e.SubjectLogonId)).toEqual({ '0x3e7': 203, '0xfaac27': 160 });
    const first = parsed.events[0]!;
    expect(first.TimeGenerated.toISOString()).toBe('2019-01-15T05:24:24.010Z');
    expect(first.NewProcessId).toBe('0x1610');
    expect(first.Account).toBe('WORKGROUP\\MSTICAlertsWin1$');
    expect(first.AccountType).toBe('Machine');
    expect(first.Activity).toBe('4688 - A new process has been created.');
    expect(first.CommandLine).toMatch(/^"C:\\Program Files\\Microsoft Monitoring Agent.*GetInventory/);
    expect(parsed.skipped).toEqual([]);
  });

  it('process_tree.csv: 117 rows; msticpy tree columns (NodeRole, Level, ProcessId1) are not Sentinel columns', async () => {
    const parsed = await parseImportFile(dataPath('msticpy/process_tree.csv'));
    expect(parsed.events).toHaveLength(117);
    const source = parsed.events[0]!;
    expect(source.NewProcessName).toBe('C:\\Diagnostics\\UserTmp\\ftp.exe');
    expect(source.NewProcessId).toBe('0x1580');
    expect(source.Level).toBeNull();
    expect(Object.keys(source)).not.toContain('NodeRole');
    expect(Object.keys(source)).not.toContain('TimeCreatedUtc');
    expect(parsed.events.filter((e) => e.CommandLine?.includes('REDACTED'))).toHaveLength(17);
  });

  it('host_logons.csv: 14 logons, LogonProcessName keeps Windows trailing spaces', async () => {
    const parsed = await parseImportFile(dataPath('msticpy/host_logons.csv'));
    expect(parsed.events).toHaveLength(14);
    expect(countBy(parsed.events, (e) => e.LogonType)).toEqual({ 3: 1, 4: 2, 5: 11 });
    const admin = parsed.events[0]!;
    expect(admin.TimeGenerated.toISOString()).toBe('2019-01-15T05:15:02.980Z');
    expect(admin.TargetLogonId).toBe('0xfaac27');
    expect(admin.Account).toBe('MSTICAlertsWin1\\MSTICAdmin');
    expect(admin.LogonProcessName).toBe('Advapi  ');
    expect(admin.LogonTypeName).toBe('4 - Batch');
    expect(admin.Status).toBeNull();
  });

  it.each([
    ['msticpy/localdata/alerts_list.jsonl', 25, 0],
    ['msticpy/localdata/processes_on_host.jsonl', 0, 25],
    ['msticpy/localdata/process_tree.jsonl', 0, 17],
    ['msticpy/localdata/host_logons.jsonl', 0, 25],
    ['msticpy/localdata/failed_logons.jsonl', 0, 4],
    ['msticpy/win_proc_test.jsonl', 0, 1000],
  ])('%s: %i alerts, %i events', async (file, alerts, events) => {
    const parsed = await parseImportFile(dataPath(file));
    expect(parsed.format).toBe('jsonl');
    expect(parsed.alerts).toHaveLength(alerts);
    expect(parsed.events).toHaveLength(events);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.ignored).toEqual([]);
  });

  it('localdata/alerts_list.jsonl: the modern projection (AlertDisplayName, Severity, StartTimeUtc) mapped back', async () => {
    const parsed = await parseImportFile(dataPath('msticpy/localdata/alerts_list.jsonl'));
    expect(countBy(parsed.alerts, (a) => a.DisplayName)['SSH Anomalous Login ML']).toBe(20);
    const first = parsed.alerts[0]!;
    expect(first.AlertSeverity).toBe('Low');
    expect(first.StartTime?.toISOString()).toBe('2019-02-18T01:49:02.000Z');
    expect(first.ProcessingEndTime?.toISOString()).toBe('2019-02-18T02:29:07.000Z');
    expect(first.VendorOriginalId).toBe('b0e143b8-4fa8-47bc-8bc1-9780c8b75541');
    expect(first.ResourceId).toBeNull();
    expect(first.IsIncident).toBe(false);
  });

  it('win_proc_test.jsonl: 1000 process events over 2019-02-09/10', async () => {
    const parsed = await parseImportFile(dataPath('msticpy/win_proc_test.jsonl'));
    const times = parsed.events.map((e) => e.TimeGenerated.getTime());
    expect(new Date(Math.min(...times)).toISOString()).toBe('2019-02-09T20:04:38.017Z');
    expect(new Date(Math.max(...times)).toISOString()).toBe('2019-02-10T15:51:49.140Z');
    expect(typeof parsed.events[0]!.EventID).toBe('number');
  });
});

describe.skipIf(!hasSharedData)('Log Analytics exports: Azure-Sentinel-Notebooks data', () => {
  it('alertlist.csv: the same 189 alerts although quoted cells break lines with \\r\\r\\n', async () => {
    const notebooks = await parseImportFile(dataPath('azure-sentinel-notebooks/alertlist.csv'));
    const msticpy = await parseImportFile(dataPath('msticpy/alertlist.csv'));
    expect(notebooks.alerts).toHaveLength(189);
    expect(notebooks.skipped).toEqual([]);
    expect(notebooks.alerts.map((a) => a.SystemAlertId)).toEqual(msticpy.alerts.map((a) => a.SystemAlertId));
    const entities = notebooks.alerts[101]!.Entities!;
    expect(entities).toContain('\r\r\n');
    // JSON.parse reads the extra \r as whitespace: the same entities as msticpy's \r\n copy.
    expect(JSON.parse(entities)).toEqual(JSON.parse(msticpy.alerts[101]!.Entities!));
  });

  it('failed_logons.jsonl: 4 failed logons with microsecond ISO times', async () => {
    const parsed = await parseImportFile(dataPath('azure-sentinel-notebooks/failed_logons.jsonl'));
    expect(parsed.events).toHaveLength(4);
    expect(countBy(parsed.events, (e) => `${e.EventID} ${e.Status} ${e.LogonType}`)).toEqual({
      '4625 0xc000015b 4': 3,
      '4625 0xc000006d 2': 1,
    });
    expect(parsed.events[0]!.TimeGenerated.toISOString()).toBe('2019-02-14T04:23:55.400Z');
    expect(parsed.events[0]!.Account).toBe('MSTICAlertsWin1\\ian');
    expect(parsed.events[0]!.TargetLogonId).toBeNull();
  });

  it('signin_logs.jsonl: SigninLogs rows are ignored and counted, not errors', async () => {
    const parsed = await parseImportFile(dataPath('azure-sentinel-notebooks/signin_logs.jsonl'));
    expect(parsed.alerts).toHaveLength(0);
    expect(parsed.events).toHaveLength(0);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.ignored).toEqual([{ reason: 'SigninLogs table rows', count: 86 }]);
  });

  it.each([
    ['process_tree.csv', 117],
    ['processes_on_host.csv', 363],
    ['host_logons.csv', 14],
  ])('%s: %i events', async (file, events) => {
    const parsed = await parseImportFile(dataPath(`azure-sentinel-notebooks/${file}`));
    expect(parsed.events).toHaveLength(events);
    expect(parsed.skipped).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)('Log Analytics exports: portal "Export to CSV" (azure-sentinel)', () => {
  const file = 'azure-sentinel/Microsoft_Security Events_Authentication_IngestedLogs.csv';

  it('reads `TimeGenerated [UTC]` and US-locale times; 19 failed and 2 successful logons', async () => {
    const parsed = await parseImportFile(dataPath(file));
    expect(parsed.events).toHaveLength(21);
    expect(countBy(parsed.events, (e) => e.EventID)).toEqual({ 4624: 2, 4625: 19 });
    expect(parsed.events[0]!.TimeGenerated.toISOString()).toBe('2024-10-18T09:29:21.125Z');
    expect(parsed.events.at(-1)!.TimeGenerated.toISOString()).toBe('2024-10-18T09:29:45.342Z');
    expect(countBy(parsed.events, (e) => e.IpAddress)['66.90.100.200']).toBe(14);
    expect(parsed.events[0]!.LogonProcessName).toBe('NtLmSsp ');
    expect(parsed.events[0]!.Task).toBe(12544);
    expect(parsed.events[0]!.SubStatus).toBe('0xc0000064');
  });

  it('rebuilds Account that Excel turned into #NAME? from TargetDomainName\\TargetUserName', async () => {
    const parsed = await parseImportFile(dataPath(file));
    const spray = parsed.events[0]!;
    expect(spray.Account).toBe('-\\weatheronline');
    expect(spray.TargetAccount).toBe('-\\weatheronline');
    const system = parsed.events.find((e) => e.EventID === 4624)!;
    expect(system.Account).toBe('NT AUTHORITY\\SYSTEM');
    expect(system.AccountType).toBe('Machine');
    expect(parsed.events.some((e) => e.Account === '#NAME?')).toBe(false);
  });

  it('parses the same from text as from the file', async () => {
    const text = await readFile(dataPath(file), 'utf8');
    const fromText = parseImportText(file, text);
    const fromFile = await parseImportFile(dataPath(file));
    expect(fromText.events).toEqual(fromFile.events);
  });
});
