/**
 * Every named query of the embedded provider, on real data imported from ../shared/data/msticpy/ (the FTP -s alert
 * of MSTICAlertsWin1 and its host's events), plus re-import idempotence and hostile parameter values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryName } from '../../../src/data/catalog.js';
import { queryNames } from '../../../src/data/catalog.js';
import { importPaths } from '../../../src/data/local/import-into-workspace.js';
import { createLocalProvider } from '../../../src/data/local/local-provider.js';
import { countRows, openWorkspace, type Workspace } from '../../../src/data/local/workspace.js';
import type { DataProvider } from '../../../src/data/provider.js';
import { hasSharedData, sharedFile } from '../../helpers/shared-data.js';

const files = [
  'msticpy/alertlist.csv',
  'msticpy/processes_on_host.csv',
  'msticpy/process_tree.csv',
  'msticpy/host_logons.csv',
  'msticpy/localdata/host_logons.jsonl',
  'msticpy/localdata/failed_logons.jsonl',
].map(sharedFile);

const ftpAlertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';
const host = 'MSTICAlertsWin1';
const hour = 3_600_000;
const day = 24 * hour;
const alertTime = new Date('2019-01-15T05:15:20Z');
const around = (before: number, after: number, at = alertTime) => ({
  start: new Date(at.getTime() - before),
  end: new Date(at.getTime() + after),
});

describe.skipIf(!hasSharedData)('local provider on imported msticpy data', () => {
  let workspace: Workspace;
  let provider: DataProvider;
  const covered = new Set<QueryName>();
  const run: DataProvider['run'] = (name, params, options) => {
    covered.add(name);
    return provider.run(name, params, options);
  };

  beforeAll(async () => {
    workspace = await openWorkspace(':memory:');
    await importPaths(workspace, files);
    provider = createLocalProvider(workspace);
  });

  afterAll(async () => {
    expect([...covered].sort()).toEqual([...queryNames].sort());
    await provider.close();
    workspace.close();
  });

  it('re-importing the same files adds nothing', async () => {
    const before = await countRows(workspace.connection);
    const again = await importPaths(workspace, files);
    expect(again.alerts.loaded).toBe(0);
    expect(again.events.loaded).toBe(0);
    expect(await countRows(workspace.connection)).toEqual(before);
    expect(before).toEqual({ SecurityAlert: 189, SecurityEvent: 422 });
  });

  it('get_alert returns the FTP alert with msticpy projection names', async () => {
    const { rows } = await run('get_alert', { system_alert_id: ftpAlertId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      SystemAlertId: ftpAlertId,
      AlertDisplayName: 'Detected suspicious use of FTP -s Switch',
      CompromisedEntity: 'MSTICALERTSWIN1',
      TimeGenerated: alertTime,
      StartTimeUtc: new Date('2019-01-15T05:15:15Z'),
    });
  });

  it('list_alerts and list_alerts_counts cover the window, newest first, filtered by severity', async () => {
    const window = { start: new Date('2019-01-01T00:00:00Z'), end: new Date('2019-02-01T00:00:00Z') };
    const all = await run('list_alerts', window);
    expect(all.rows).toHaveLength(189);
    const times = all.rows.map((r) => r.TimeGenerated.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const high = await run('list_alerts', { ...window, min_severity: 3 });
    expect(high.rows).toHaveLength(102);
    const counts = await run('list_alerts_counts', window);
    expect(counts.rows.reduce((n, r) => n + r.alertCount, 0)).toBe(189);
    expect(counts.rows[0]).toMatchObject({ AlertName: 'Suspicious Powershell Activity Detected', alertCount: 16 });
    const forHost = await run('list_alerts', { ...window, host_name: 'vm1lin' });
    expect(forHost.rows.length).toBeGreaterThanOrEqual(1);
    expect(forHost.rows.length).toBeLessThan(189);
  });

  it('list_related_alerts flags host, account and process matches', async () => {
    const { rows } = await run('list_related_alerts', {
      ...around(5 * day, day),
      host_name: host,
      account_name: 'MSTICAdmin',
      process_name: 'C:\\Diagnostics\\UserTmp\\ftp.exe',
    });
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.host_match || r.acct_match || r.proc_match)).toBe(true);
    const self = rows.find((r) => r.SystemAlertId === ftpAlertId);
    expect(self).toMatchObject({ host_match: true, acct_match: true, proc_match: true });
    expect(rows.some((r) => !r.proc_match)).toBe(true);
  });

  it('list_host_processes returns the host 4688s of the window in time order', async () => {
    const { rows } = await run('list_host_processes', { ...around(hour, 10 * 60_000), host_name: host });
    expect(rows.length).toBe(379);
    expect(rows.every((r) => r.EventID === 4688 && r.Computer === host)).toBe(true);
    expect(rows[0]?.TimeGenerated.getTime()).toBeLessThanOrEqual(rows.at(-1)?.TimeGenerated.getTime() ?? 0);
    // has-semantics: a term of the computer name, case-insensitive, but not a substring.
    expect(
      (await run('list_host_processes', { ...around(hour, 0), host_name: 'msticalertswin1' })).rows.length,
    ).toBeGreaterThan(0);
    expect((await run('list_host_processes', { ...around(hour, 0), host_name: 'MSTICAlerts' })).rows).toHaveLength(0);
  });

  it('get_process_parent finds the cmd.exe that started ftp.exe', async () => {
    const { rows } = await run('get_process_parent', {
      ...around(hour, 10 * 60_000),
      host_name: host,
      process_id: '0x1580',
      process_name: 'C:\\Diagnostics\\UserTmp\\ftp.exe',
      logon_session_id: '0xfaac27',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.NewProcessName?.toLowerCase()).toMatch(/cmd\.exe$/);
  });

  it('list_processes_in_session keeps to the logon session', async () => {
    const { rows } = await run('list_processes_in_session', {
      ...around(hour, 10 * 60_000),
      host_name: host,
      logon_session_id: '0xfaac27',
    });
    expect(rows.length).toBe(176);
    expect(rows.every((r) => r.SubjectLogonId === '0xfaac27')).toBe(true);
  });

  it('list_hosts_matching_commandline matches case-insensitively and can exclude the alert host', async () => {
    const commandline = '.\\FTP  -s:C:\\****REDACTED-MALWARE-SIG****.EXE';
    const found = await run('list_hosts_matching_commandline', {
      ...around(day, day),
      process_name: 'ftp.exe',
      commandline,
    });
    expect(found.rows.length).toBeGreaterThanOrEqual(1);
    expect(found.rows[0]?.NewProcessName).toBe('C:\\Diagnostics\\UserTmp\\ftp.exe');
    const elsewhere = await run('list_hosts_matching_commandline', {
      ...around(day, day),
      process_name: 'ftp.exe',
      commandline,
      exclude_host: 'msticalertswin1.contoso.com',
    });
    expect(elsewhere.rows).toHaveLength(0);
  });

  it('get_host_logon, list_host_logons and list_host_logon_failures', async () => {
    const logon = await run('get_host_logon', { ...around(day, 0), host_name: host, logon_session_id: '0xfaac27' });
    expect(logon.rows).toHaveLength(1);
    expect(logon.rows[0]).toMatchObject({ EventID: 4624, TargetLogonId: '0xfaac27' });
    const logons = await run('list_host_logons', { ...around(day, 0), host_name: host });
    expect(logons.rows).toHaveLength(14);
    expect(logons.rows.every((r) => r.EventID === 4624)).toBe(true);
    const failures = await run('list_host_logon_failures', {
      ...around(2 * day, 2 * day, new Date('2019-02-14T04:23:55Z')),
      host_name: host,
    });
    expect(failures.rows).toHaveLength(4);
    expect(failures.rows.every((r) => r.EventID === 4625 && r.Computer === host)).toBe(true);
    expect((await run('list_host_logon_failures', { ...around(day, 0), host_name: host })).rows).toEqual([]);
  });

  it('binds hostile values as data: no injection, no error', async () => {
    const hostile = [
      `x' OR '1'='1`,
      `"; DROP TABLE SecurityAlert; --`,
      '\\',
      '%',
      '_',
      '$start',
      '\u0000',
      'a'.repeat(10_000),
    ];
    for (const value of hostile) {
      expect((await run('get_alert', { system_alert_id: value })).rows).toEqual([]);
      expect((await run('list_host_processes', { ...around(hour, 0), host_name: value })).rows).toEqual([]);
    }
    expect((await countRows(workspace.connection)).SecurityAlert).toBe(189);
  });

  it('rejects missing or mistyped parameters with a clear error', async () => {
    await expect(run('get_alert', {} as never)).rejects.toThrow(/system_alert_id is required/);
    await expect(
      run('list_host_logons', { start: 'yesterday', end: new Date(), host_name: host } as never),
    ).rejects.toThrow(/start must be a datetime/);
  });

  it('caps rows and says so', async () => {
    const result = await run(
      'list_host_processes',
      { ...around(hour, 10 * 60_000), host_name: host },
      { rowLimit: 10 },
    );
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
    expect(result.warnings[0]).toMatch(/first 10 rows/);
  });
});
