import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SocbotError } from '../../../../src/core/errors.js';
import type { SecurityEventRow } from '../../../../src/core/rows.js';
import {
  type DemoOptions,
  demoBatchSize,
  demoSpanMs,
  generateDemoWorkspace,
} from '../../../../src/data/local/demo/generate-demo-workspace.js';
import { allRows, effectiveSession, findParent, processIndex } from './demo-rows.js';

const end = new Date('2024-06-01T00:00:00Z');
const options: DemoOptions = { events: 20_000, seed: 7, end };

function digest(options: DemoOptions): string {
  const hash = createHash('sha256');
  const workspace = generateDemoWorkspace(options);
  hash.update(JSON.stringify(workspace.alerts));
  hash.update(JSON.stringify(workspace.stories));
  for (const batch of workspace.events()) for (const row of batch) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

describe('generateDemoWorkspace', () => {
  const workspace = generateDemoWorkspace(options);
  const rows = allRows(workspace);

  it('is deterministic: same options give byte-identical rows, another seed different ones', () => {
    expect(digest(options)).toBe(digest(options));
    expect(digest({ ...options, seed: 8 })).not.toBe(digest(options));
  });

  it('events() can be read twice with the same result', () => {
    const again = allRows(workspace);
    expect(again.length).toBe(rows.length);
    expect(JSON.stringify(again.slice(-50))).toBe(JSON.stringify(rows.slice(-50)));
  });

  it('yields the stories plus exactly `events` background rows, in batches of at most 10 000', () => {
    for (const events of [1, 9_999, 10_001, 25_000]) {
      const ws = generateDemoWorkspace({ ...options, events });
      const sizes = [...ws.events()].map((batch) => batch.length);
      expect(sizes.every((n) => n > 0 && n <= demoBatchSize)).toBe(true);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(events + ws.storyEventCount);
    }
  });

  it('with events: 0 still plants every story and alert', () => {
    const empty = generateDemoWorkspace({ ...options, events: 0 });
    expect(allRows(empty)).toHaveLength(empty.storyEventCount);
    expect(empty.storyEventCount).toBeGreaterThan(100);
    expect(empty.alerts.map((a) => a.SystemAlertId)).toEqual(workspace.alerts.map((a) => a.SystemAlertId));
    expect(new Set(empty.stories.map((s) => s.name.split('/')[0]))).toEqual(
      new Set([
        'crypto-miner',
        'encoded-powershell',
        'credential-dumping',
        'password-spray',
        'scheduled-task',
        'benign',
      ]),
    );
  });

  it('puts an attack alert in the last 24 hours (the default `alerts` window) whatever hour `end` is', () => {
    for (let hour = 0; hour < 24; hour++) {
      for (const seed of [1, 2]) {
        const at = new Date(Date.UTC(2024, 5, 3, hour, 17));
        const ws = generateDemoWorkspace({ events: 0, seed, end: at });
        const recent = ws.alerts.filter(
          (a) => a.AlertSeverity === 'High' && at.getTime() - a.TimeGenerated.getTime() < 86_400_000,
        );
        expect(recent.length, `end ${at.toISOString()} seed ${seed}`).toBeGreaterThan(0);
        const times = allRows(ws).map((r) => r.TimeGenerated.getTime());
        expect(Math.max(...times)).toBeLessThan(at.getTime());
        expect(Math.min(...times)).toBeGreaterThanOrEqual(at.getTime() - demoSpanMs);
        for (const alert of ws.alerts) expect(alert.TimeGenerated.getTime()).toBeLessThan(at.getTime());
      }
    }
  });

  it('keeps every event inside the 7 days before `end`, spread over the whole week', () => {
    const times = rows.map((r) => r.TimeGenerated.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(end.getTime() - demoSpanMs);
    expect(Math.max(...times)).toBeLessThan(end.getTime());
    const days = new Set(times.map((t) => Math.floor((end.getTime() - t) / 86_400_000)));
    expect(days).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });

  it('has eight hosts in contoso.local by default, more when asked, and refuses fewer', () => {
    expect(new Set(rows.map((r) => r.Computer))).toEqual(
      new Set(
        ['DC01', 'WEB01', 'SQL01', 'FS01', 'RDS01', 'WKS-FIN-01', 'WKS-ANA-01', 'WKS-DEV-02'].map(
          (h) => `${h}.contoso.local`,
        ),
      ),
    );
    const bigger = allRows(generateDemoWorkspace({ ...options, events: 5_000, hosts: 12 }));
    expect(new Set(bigger.map((r) => r.Computer)).size).toBe(12);
    expect(() => generateDemoWorkspace({ ...options, hosts: 5 })).toThrow(SocbotError);
    expect(() => generateDemoWorkspace({ ...options, events: -1 })).toThrow(/events/);
  });

  it('writes Sentinel columns the way the agent does', () => {
    const process = rows.find((r) => r.EventID === 4688) as SecurityEventRow;
    expect(process).toMatchObject({
      Activity: '4688 - A new process has been created.',
      Channel: 'Security',
      EventSourceName: 'Microsoft-Windows-Security-Auditing',
      SourceSystem: 'OpsManager',
      TenantId: workspace.alerts[0]?.TenantId,
    });
    expect(process.NewProcessId).toMatch(/^0x[0-9a-f]+$/);
    const logon = rows.find((r) => r.EventID === 4624 && r.LogonType === 10) as SecurityEventRow;
    expect(logon.LogonTypeName).toBe('10 - RemoteInteractive');
    expect(logon.Account).toBe(`${logon.TargetDomainName}\\${logon.TargetUserName}`);
    const failure = rows.find((r) => r.EventID === 4625) as SecurityEventRow;
    expect(failure).toMatchObject({ Status: '0xc000006d', FailureReason: '%%2313', TargetUserSid: 'S-1-0-0' });
    expect(['0xc000006a', '0xc0000064']).toContain(failure.SubStatus);
    const types = new Set(rows.filter((r) => r.EventID === 4624).map((r) => r.LogonType));
    expect(types).toEqual(new Set([2, 3, 4, 5, 10]));
  });

  it('links children to parents like the process-tree query does (PID, session, image)', () => {
    const index = processIndex(rows);
    const children = rows.filter((r, i) => r.EventID === 4688 && i % 5 === 0);
    let found = 0;
    for (const child of children) {
      const parent = findParent(index, child);
      if (!parent) continue;
      found++;
      expect(child.ParentProcessName).toBe(parent.NewProcessName);
    }
    // Only children of smss.exe's transient boot instance have no parent event.
    expect(found / children.length).toBeGreaterThan(0.99);
  });

  it('writes PIDs as Windows does (hex, multiples of 4) and reuses them over the week', () => {
    const index = processIndex(rows);
    for (const key of index.keys()) expect(Number.parseInt(key.split('|')[1] as string, 16) % 4).toBe(0);
    const reused = [...index.values()].filter((list) => list.length > 1);
    expect(reused.length).toBeGreaterThan(100);
  });

  it('opens every session a process runs in with a 4624 on the same host first', () => {
    const logons = new Map<string, number>();
    for (const r of rows) {
      if (r.EventID !== 4624) continue;
      const key = `${r.Computer}|${r.TargetLogonId}`;
      logons.set(key, Math.min(logons.get(key) ?? Number.POSITIVE_INFINITY, r.TimeGenerated.getTime()));
    }
    const builtIn = new Set(['0x0', '0x3e7', '0x3e4', '0x3e5']);
    for (const r of rows) {
      if (r.EventID !== 4688) continue;
      for (const session of [r.SubjectLogonId, r.TargetLogonId]) {
        if (!session || builtIn.has(session)) continue;
        const opened = logons.get(`${r.Computer}|${session}`);
        expect(opened, `${r.Computer} session ${session} of ${r.NewProcessName}`).toBeDefined();
        expect(opened).toBeLessThanOrEqual(r.TimeGenerated.getTime());
      }
    }
    expect(rows.some((r) => r.EventID === 4624 && r.TargetLogonId === '0x3e7')).toBe(true);
  });

  it('runs user programs under explorer.exe in the session of the logon', () => {
    const index = processIndex(rows);
    const office = rows.filter(
      (r) => r.EventID === 4688 && /\\(EXCEL|WINWORD|OUTLOOK)\.EXE$/.test(r.NewProcessName ?? ''),
    );
    expect(office.length).toBeGreaterThan(10);
    for (const row of office) {
      const parent = findParent(index, row);
      expect(parent?.NewProcessName).toMatch(/explorer\.exe$|OUTLOOK\.EXE$/);
      expect(effectiveSession(row)).not.toBe('0x3e7');
    }
  });

  it('generates 10 000 events quickly', () => {
    const started = performance.now();
    allRows(generateDemoWorkspace({ ...options, events: 10_000, seed: 99 }));
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
