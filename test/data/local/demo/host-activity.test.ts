import { describe, expect, it } from 'vitest';
import { HostActivity, type UserSession } from '../../../../src/data/local/demo/host-activity.js';
import { createCatalog } from '../../../../src/data/local/demo/host-catalog.js';
import { RandomSource } from '../../../../src/data/local/demo/random-source.js';
import { systemPids } from '../../../../src/data/local/demo/system-processes.js';

const catalog = createCatalog(new RandomSource(3, 'catalog'), 8, 0, 7 * 86_400_000);
const host = catalog.hosts[6]!;

describe('HostActivity', () => {
  it('hands out PIDs that are multiples of 4, never reserved, not reused while recent, reused later', () => {
    const storyPids = new Set([0x1000, 0x1004, 0x1008]);
    const activity = new HostActivity(
      host,
      { pids: storyPids, logonIds: new Set(), sessions: [], logonTasks: [] },
      new RandomSource(1, 't'),
    );
    const random = new RandomSource(2, 'pids');
    const pids = Array.from({ length: 20_000 }, () => activity.allocatePid(random));
    const reserved = new Set([...systemPids(host.processes), ...storyPids]);
    expect(pids.every((pid) => pid % 4 === 0 && pid >= 0x40 && !reserved.has(pid))).toBe(true);
    for (let i = 512; i < pids.length; i += 997) expect(new Set(pids.slice(i - 512, i)).size).toBe(512);
    expect(new Set(pids).size).toBeLessThan(pids.length);
  });

  it('hands out growing logon ids that skip the stories’ ones', () => {
    const activity = new HostActivity(
      host,
      { pids: new Set(), logonIds: new Set(), sessions: [], logonTasks: [] },
      new RandomSource(1, 't'),
    );
    const random = new RandomSource(4, 'luids');
    const ids = Array.from({ length: 200 }, () => Number.parseInt(activity.allocateLogonId(random), 16));
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number))).toBe(true);
    const taken = `0x${(ids[10] as number).toString(16)}`;
    const replay = new HostActivity(
      host,
      { pids: new Set(), logonIds: new Set([taken]), sessions: [], logonTasks: [] },
      new RandomSource(1, 't'),
    );
    const again = new RandomSource(4, 'luids');
    const replayed = Array.from({ length: 200 }, () => replay.allocateLogonId(again));
    expect(replayed).not.toContain(taken);
  });

  it('lists a session while its shell runs and drops it after it ends', () => {
    const shell = { ...host.processes.winlogon, pid: 0x2000, createdMs: 10_000 };
    const session: UserSession = {
      logonId: '0x9999',
      user: host.owner!.user,
      shell,
      endMs: 50_000,
      adminElevation: '%%1938',
      remote: false,
    };
    const activity = new HostActivity(
      host,
      { pids: new Set(), logonIds: new Set(), sessions: [session], logonTasks: [] },
      new RandomSource(1, 't'),
    );
    expect(activity.activeSessions(10_500)).toEqual([]);
    expect(activity.activeSessions(20_000)).toEqual([session]);
    expect(activity.hasStorySession(session.user.name, 0, 15_000)).toBe(true);
    expect(activity.activeSessions(60_000)).toEqual([]);
    expect(activity.sessions).toHaveLength(0);
  });
});
