/**
 * A running process as the generator tracks it: enough to write its own 4688 and its children's.
 */
import type { Identity } from './identities.js';

/** 4688 TokenElevationType: full token (UAC off / services), elevated, limited. */
export type TokenElevation = '%%1936' | '%%1937' | '%%1938';

/** A process, with the session and account it runs as. */
export interface ProcessRef {
  readonly pid: number;
  /** Full image path, as `NewProcessName` writes it. */
  readonly image: string;
  readonly commandLine: string;
  /** The logon session it runs in (its children's `SubjectLogonId`). */
  readonly logonId: string;
  readonly account: Identity;
  readonly elevation: TokenElevation;
  /** When it was created (epoch ms). */
  readonly createdMs: number;
}

/** Windows' way of writing ids in events: `0x1a2c`. */
export function hexId(value: number): string {
  return `0x${value.toString(16)}`;
}

/** The file name of a Windows path: `C:\Windows\System32\cmd.exe` → `cmd.exe`. */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1);
}

/** The directory of a Windows path, without the trailing separator. */
export function directoryOf(path: string): string {
  const at = path.lastIndexOf('\\');
  return at < 0 ? '' : path.slice(0, at);
}

/** The 4688 MandatoryLabel that goes with an account and elevation. */
export function mandatoryLabelOf(process: Pick<ProcessRef, 'account' | 'elevation'>): string {
  if (process.account.accountType === 'Machine') return 'S-1-16-16384';
  return process.elevation === '%%1938' ? 'S-1-16-8192' : 'S-1-16-12288';
}
