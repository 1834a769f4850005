import { describe, expect, it } from 'vitest';
import { AlertEntities, ascTime } from '../../../../src/data/local/demo/alert-entities.js';
import { createCatalog } from '../../../../src/data/local/demo/host-catalog.js';
import { systemIdentity } from '../../../../src/data/local/demo/identities.js';
import type { ProcessRef } from '../../../../src/data/local/demo/process-ref.js';
import { RandomSource } from '../../../../src/data/local/demo/random-source.js';
import { resolveEntities } from './demo-rows.js';

const catalog = createCatalog(new RandomSource(1, 'catalog'), 8, 0, 7 * 86_400_000);
const host = catalog.hosts[1]!;

describe('AlertEntities', () => {
  it('writes ASC-style $id/$ref entities, host first from id 4, each entity once', () => {
    const entities = new AlertEntities(host);
    const account = entities.account(systemIdentity, '0x3e7');
    const cmd: ProcessRef = {
      pid: 0x1a2c,
      image: 'C:\\Windows\\System32\\cmd.exe',
      commandLine: 'cmd.exe /c whoami',
      logonId: '0x3e7',
      account: systemIdentity,
      elevation: '%%1936',
      createdMs: Date.UTC(2024, 0, 2, 3, 4, 5, 678),
    };
    const parent = entities.process({ ...cmd, pid: 0x40, image: 'C:\\Windows\\System32\\services.exe' });
    entities.process(cmd, { account, parent });
    expect(entities.account(systemIdentity, '0x3e7')).toEqual(account);
    entities.logonSession('0x3e7', 0, cmd.createdMs, account);
    const raw = JSON.parse(entities.toJson()) as { $id: string; Type: string }[];
    expect(raw.map((e) => e.$id)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    expect(raw.map((e) => e.Type)).toEqual([
      'host',
      'account',
      'file',
      'process',
      'file',
      'process',
      'host-logon-session',
    ]);
    const resolved = resolveEntities(entities.toJson());
    const process = resolved[5] as Record<string, Record<string, unknown>>;
    expect(process.ProcessId).toBe('0x1a2c');
    expect(process.CreationTimeUtc).toBe('2024-01-02T03:04:05.6780000Z');
    expect(process.ImageFile).toMatchObject({ Directory: 'c:\\windows\\system32', Name: 'cmd.exe' });
    expect(process.ParentProcess?.ProcessId).toBe('0x40');
    expect(process.Account).toMatchObject({ Name: 'SYSTEM', LogonId: '0x3e7', Sid: 'S-1-5-18' });
    expect(resolved[0]).toMatchObject({ HostName: 'WEB01', DnsDomain: 'contoso.local', OSFamily: 'Windows' });
  });

  it('formats times with seven fractional digits like ASC', () => {
    expect(ascTime(0)).toBe('1970-01-01T00:00:00.0000000Z');
  });
});
