/** Small builders of synthetic process events for the process-tree tests. */
import type { ProcessEvent } from '../../../src/analysis/process-tree/index.js';

const base = Date.parse('2024-03-01T10:00:00Z');

/** A 4688 event on HOST1, `seconds` after 10:00 UTC, with overrides. */
export function proc(
  seconds: number,
  pid: string,
  image: string,
  ppid: string,
  parentImage: string | null,
  overrides: Partial<ProcessEvent> = {},
): ProcessEvent {
  return {
    TimeGenerated: new Date(base + seconds * 1000),
    Computer: 'HOST1',
    NewProcessId: pid,
    NewProcessName: image,
    ProcessId: ppid,
    ParentProcessName: parentImage,
    SubjectLogonId: '0xabc',
    TargetLogonId: '0x0',
    CommandLine: `${image} --run`,
    SubjectUserName: 'alice',
    SubjectUserSid: 'S-1-5-21-1-2-3-1001',
    Account: 'CONTOSO\\alice',
    EventID: 4688,
    ...overrides,
  };
}

/** The time `seconds` after the synthetic base. */
export function at(seconds: number): Date {
  return new Date(base + seconds * 1000);
}
