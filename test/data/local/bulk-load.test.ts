/**
 * The bulk CSV load stores exactly what the row-by-row appender stores — for generated demo events and for hostile
 * values (quotes, commas, line breaks, empty strings, values that do not fit their column) — across part files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { securityEventColumns } from '../../../src/core/rows.js';
import { bulkLoad } from '../../../src/data/local/bulk-load.js';
import { generateDemoWorkspace } from '../../../src/data/local/demo/generate-demo-workspace.js';
import { appendRows, ensureSchema, openWorkspace, type Workspace } from '../../../src/data/local/workspace.js';

const hostile: Record<string, unknown>[] = [
  {
    TimeGenerated: new Date('2026-11-27T04:05:06.789Z'),
    Computer: 'WKS-01',
    EventID: 4688,
    CommandLine: 'cmd.exe /c "echo a,b" && powershell -c "Write-Host ""x"""\r\nsecond line\nthird, with comma',
    NewProcessName: '',
    Account: 'CONTOSO\\ann "the analyst"',
    SubjectLogonId: '0x3e7',
  },
  {
    TimeGenerated: new Date('invalid'),
    Computer: 'ünïcödé-✓',
    EventID: 'not a number',
    LogonType: 3.9,
    CommandLine: '"',
    ParentProcessName: ',',
  },
  { TimeGenerated: new Date('2026-01-01T00:00:00Z'), EventID: '4625', Computer: null, CommandLine: undefined },
];

describe('bulkLoad', () => {
  const open: Workspace[] = [];
  afterEach(() => {
    for (const workspace of open.splice(0)) workspace.close();
  });

  it('stores the same rows as appendRows, part file after part file', async () => {
    const workspace = await openWorkspace(':memory:');
    open.push(workspace);
    const { connection } = workspace;
    await ensureSchema(connection);
    await connection.run('CREATE TABLE Appended AS SELECT * FROM SecurityEvent LIMIT 0');
    const demo = generateDemoWorkspace({ events: 3_000, seed: 7, end: new Date('2026-11-27T00:00:00Z') });
    const batches = [...demo.events(), hostile];

    for (const batch of batches) await appendRows(connection, 'SecurityEvent', batch as never);
    await connection.run('INSERT INTO Appended SELECT * FROM SecurityEvent');
    await connection.run('DELETE FROM SecurityEvent');
    const loaded = await bulkLoad(connection, 'SecurityEvent', securityEventColumns, batches, { partRows: 1_000 });

    const total = batches.reduce((sum, batch) => sum + batch.length, 0);
    expect(loaded).toBe(total);
    const count = async (sql: string) => Number((await connection.runAndReadAll(sql)).getRows()[0]?.[0]);
    expect(await count('SELECT count(*) FROM SecurityEvent')).toBe(total);
    // Same multiset of rows both ways (EXCEPT ALL in both directions is empty).
    expect(await count('SELECT count(*) FROM (SELECT * FROM SecurityEvent EXCEPT ALL SELECT * FROM Appended)')).toBe(0);
    expect(await count('SELECT count(*) FROM (SELECT * FROM Appended EXCEPT ALL SELECT * FROM SecurityEvent)')).toBe(0);
    const first = (
      await connection.runAndReadAll("SELECT CommandLine, NewProcessName FROM SecurityEvent WHERE Computer = 'WKS-01'")
    ).getRowObjectsJS()[0];
    expect(first).toEqual({ CommandLine: hostile[0]?.CommandLine, NewProcessName: '' });
  });
});
