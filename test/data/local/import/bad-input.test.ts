import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocbotError } from '../../../../src/core/errors.js';
import { parseImportFile, parseImportText } from '../../../../src/data/local/import/index.js';

const event = (id: number, extra = '') =>
  `{"TimeGenerated":"2019-01-15T05:15:0${id}Z","Computer":"HOST1","EventID":4688,"NewProcessId":"0x${id}"${extra}}`;

describe('bad rows are skipped with their line, the rest loads', () => {
  it('JSON Lines with one broken line', () => {
    const text = [event(1), '{"TimeGenerated": "2019-01-15T05:15:02Z", "Computer": ', event(3), ''].join('\n');
    const parsed = parseImportText('events.jsonl', text);
    expect(parsed.events.map((e) => e.NewProcessId)).toEqual(['0x1', '0x3']);
    expect(parsed.skipped).toHaveLength(1);
    expect(parsed.skipped[0]!.line).toBe(2);
    expect(parsed.skipped[0]!.reason).toMatch(/^not valid JSON/);
  });

  it('missing TimeGenerated, Computer (empty or absent) or EventID, and bad values', () => {
    const lines = [
      '{"Computer":"HOST1","EventID":4688}',
      '{"TimeGenerated":"2019-01-15T05:15:00Z","Computer":"","EventID":4688}',
      '{"TimeGenerated":"2019-01-15T05:15:00Z","Computer":"HOST1","EventID":null}',
      '{"TimeGenerated":"2019-02-30 05:15:00","Computer":"HOST1","EventID":4688}',
      '{"TimeGenerated":"yesterday","Computer":"HOST1","EventID":4688}',
      '{"TimeGenerated":"2019-01-15T05:15:00Z","Computer":"HOST1","EventID":"x"}',
      '[1, 2]',
      '{"TimeGenerated":"2019-01-15T05:15:00Z","EventID":4625}',
      event(8),
    ];
    const parsed = parseImportText('events.jsonl', lines.join('\r\n'));
    expect(parsed.events).toHaveLength(1);
    expect(parsed.skipped).toEqual([
      { line: 1, reason: 'missing TimeGenerated' },
      { line: 2, reason: 'missing Computer' },
      { line: 3, reason: 'missing EventID' },
      { line: 4, reason: "bad date in TimeGenerated: '2019-02-30 05:15:00'" },
      { line: 5, reason: "bad date in TimeGenerated: 'yesterday'" },
      { line: 6, reason: "bad EventID: 'x' is not an integer" },
      { line: 7, reason: 'not a JSON object' },
      { line: 8, reason: 'missing Computer' },
    ]);
  });

  it('a SecurityAlert without SystemAlertId, and one with a bad StartTime', () => {
    const text = [
      'SystemAlertId,AlertName,TimeGenerated,StartTimeUtc',
      ',Alert one,2019-01-15 05:15:00,',
      'id-2,Alert two,2019-01-15 05:15:00,soon',
      'id-3,Alert three,2019-01-15 05:15:00,2019-01-15 05:14:00',
    ].join('\n');
    const parsed = parseImportText('alerts.csv', text);
    expect(parsed.alerts.map((a) => a.SystemAlertId)).toEqual(['id-3']);
    expect(parsed.alerts[0]!.StartTime?.toISOString()).toBe('2019-01-15T05:14:00.000Z');
    expect(parsed.skipped).toEqual([
      { line: 2, reason: 'missing SystemAlertId' },
      { line: 3, reason: "bad date in StartTime: 'soon'" },
    ]);
  });

  it('CSV record with a wrong column count: reported at its first line, after a multi-line quoted cell', () => {
    const text = [
      ',TimeGenerated,Computer,EventID,CommandLine',
      '0,2019-01-15 05:15:00,HOST1,4688,"cmd.exe /c ""echo',
      'two lines"""',
      '1,2019-01-15 05:15:01,HOST1,4688',
      '2,2019-01-15 05:15:02,HOST1,4688,whoami.exe',
    ].join('\r\n');
    const parsed = parseImportText('processes.csv', text);
    expect(parsed.events.map((e) => e.CommandLine)).toEqual(['cmd.exe /c "echo\r\ntwo lines"', 'whoami.exe']);
    expect(parsed.skipped).toEqual([{ line: 4, reason: 'expected 5 columns, found 4' }]);
  });

  it('CSV with an unclosed quote keeps the rows before it', () => {
    const text = 'TimeGenerated,Computer,EventID\n2019-01-15 05:15:00,HOST1,4688\n2019-01-15 05:15:01,"HOST2,4688\n';
    const parsed = parseImportText('processes.csv', text);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.skipped).toHaveLength(1);
    expect(parsed.skipped[0]!.line).toBe(3);
    expect(parsed.skipped[0]!.reason).toMatch(/^CSV syntax error/);
  });

  it('JSON array with one broken element: its starting line is reported', () => {
    const text = `[\n  ${event(1)},\n  {"TimeGenerated": "2019-01-15T05:15:02Z", "EventID": 4688 "Computer": "H"},\n  ${event(3)}\n]\n`;
    const parsed = parseImportText('events.json', text);
    expect(parsed.format).toBe('json');
    expect(parsed.events).toHaveLength(2);
    expect(parsed.skipped).toHaveLength(1);
    expect(parsed.skipped[0]!.line).toBe(3);
  });

  it('JSON object values of Entities are stored as JSON text', () => {
    const alert = {
      SystemAlertId: 'a1',
      AlertName: 'Test',
      TimeGenerated: '2019-01-15T05:15:00Z',
      Entities: [{ $id: '2', Type: 'host', HostName: 'HOST1' }],
      ExtendedProperties: { 'Alert Mode': 'Aggregated' },
      ConfidenceScore: 'NaN',
    };
    const parsed = parseImportText('alerts.json', JSON.stringify([alert]));
    expect(parsed.alerts[0]!.Entities).toBe('[{"$id":"2","Type":"host","HostName":"HOST1"}]');
    expect(parsed.alerts[0]!.ExtendedProperties).toBe('{"Alert Mode":"Aggregated"}');
    expect(parsed.alerts[0]!.ConfidenceScore).toBeNull();
  });

  it('a portal export in local time is refused, since it cannot be read as UTC', () => {
    const text = 'TimeGenerated [Local Time],Computer,EventID\n"10/18/2024, 9:29:21.125 AM",HOST1,4625\n';
    expect(() => parseImportText('export.csv', text)).toThrow(/export\.csv: column "TimeGenerated \[Local Time\]"/);
  });
});

describe('files that are not importable throw BadInput naming the file', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'socbot-import-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function failure(name: string, content: string | Uint8Array): Promise<SocbotError> {
    const path = join(folder, name);
    await writeFile(path, content);
    const error = await parseImportFile(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SocbotError);
    const socbotError = error as SocbotError;
    expect(socbotError.code).toBe('BadInput');
    expect(socbotError.message).toContain(path);
    return socbotError;
  }

  it('empty and whitespace-only files', async () => {
    expect((await failure('empty.csv', '')).message).toMatch(/empty/);
    expect((await failure('blank.jsonl', '\n  \r\n')).message).toMatch(/empty/);
  });

  it('binary and compressed files', async () => {
    expect((await failure('image.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).message).toMatch(
      /binary/,
    );
    expect((await failure('events.csv', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).message).toMatch(/gzip/);
  });

  it('a missing file, a folder, and a .json file holding something else', async () => {
    await expect(parseImportFile(join(folder, 'missing.csv'))).rejects.toThrow(/missing\.csv: cannot be read/);
    await expect(parseImportFile(folder)).rejects.toThrow(/is a folder/);
    expect((await failure('events.json', 'TimeGenerated,Computer\n')).message).toMatch(/does not start with/);
  });

  it('UTF-16 text with a byte-order mark (PowerShell Out-File) is read', async () => {
    const path = join(folder, 'utf16.jsonl');
    await writeFile(path, Buffer.from(`\uFEFF${event(1)}\r\n${event(2)}\r\n`, 'utf16le'));
    const parsed = await parseImportFile(path);
    expect(parsed.events).toHaveLength(2);
  });

  it('streams a large JSON Lines file and reports the broken line', async () => {
    const path = join(folder, 'many.jsonl');
    const lines = Array.from({ length: 5000 }, (_, i) => (i === 4321 ? '{broken' : event(i % 10)));
    await writeFile(path, lines.join('\n'));
    const parsed = await parseImportFile(path);
    expect(parsed.events).toHaveLength(4999);
    expect(parsed.skipped.map((s) => s.line)).toEqual([4322]);
  });
});
