/**
 * Appends linked events: a spawned process gets a fresh PID from its host and a 4688 whose Subject is its parent;
 * a logon gets a fresh logon id and a 4624. Background activity and stories both write through this, so the
 * parent/child and logon/session links are made in one place.
 */
import type { SecurityEventRow } from '../../../core/rows.js';
import {
  type FailedLogon,
  logonFailedRow,
  logonSucceededRow,
  processCreatedRow,
  type SuccessfulLogon,
} from './event-rows.js';
import type { DemoHost } from './host-catalog.js';
import type { Identity } from './identities.js';
import type { ProcessRef, TokenElevation } from './process-ref.js';
import type { RandomSource } from './random-source.js';

/** Where PIDs and logon ids come from for one host. */
export interface HostIds {
  readonly host: DemoHost;
  allocatePid(random: RandomSource): number;
  allocateLogonId(random: RandomSource): string;
}

/** Run the child in another session (Task Scheduler, WMI, winlogon do this); Target* columns get filled. */
export interface RunAs {
  readonly account: Identity;
  readonly logonId: string;
  readonly elevation: TokenElevation;
}

const conhostImage = 'C:\\Windows\\System32\\conhost.exe';
const conhostCommand = '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1';

/** Writes events into `rows` (swapped by the caller when a batch is full). */
export class EventWriter {
  rows: SecurityEventRow[] = [];

  /** `lastMs` caps every timestamp, so nothing lands after the workspace's end. */
  constructor(
    readonly random: RandomSource,
    private readonly lastMs: number,
  ) {}

  /** `parent` creates `image` at `timeMs`; returns the new process. */
  spawn(
    ids: HostIds,
    parent: ProcessRef,
    timeMs: number,
    image: string,
    commandLine: string,
    runAs?: RunAs,
  ): ProcessRef {
    const child: ProcessRef = {
      pid: ids.allocatePid(this.random),
      image,
      commandLine,
      logonId: runAs ? runAs.logonId : parent.logonId,
      account: runAs ? runAs.account : parent.account,
      elevation: runAs ? runAs.elevation : parent.elevation,
      createdMs: Math.min(timeMs, this.lastMs),
    };
    this.rows.push(processCreatedRow(ids.host, parent, child));
    return child;
  }

  /** The 4688 of a process whose PID was decided elsewhere (boot processes, planted story processes). */
  created(ids: HostIds, parent: ProcessRef, child: ProcessRef): void {
    this.rows.push(processCreatedRow(ids.host, parent, child));
  }

  /** The console host Windows starts for a console program (`conhost.exe 0xffffffff -ForceV1`). */
  conhost(ids: HostIds, parent: ProcessRef, timeMs: number): ProcessRef {
    return this.spawn(ids, parent, timeMs, conhostImage, conhostCommand);
  }

  /** A 4624 for a new session; returns its logon id. */
  logon(ids: HostIds, timeMs: number, logon: SuccessfulLogon): string {
    const logonId = ids.allocateLogonId(this.random);
    this.logonWithId(ids, timeMs, logonId, logon);
    return logonId;
  }

  /** A 4624 for a session whose id was decided elsewhere (boot-time service sessions, stories). */
  logonWithId(ids: HostIds, timeMs: number, logonId: string, logon: SuccessfulLogon): void {
    const guid = logon.authPackage === 'Kerberos' ? this.random.guid() : '';
    this.rows.push(logonSucceededRow(ids.host, Math.min(timeMs, this.lastMs), logon, logonId, guid));
  }

  /** A 4625. */
  failedLogon(ids: HostIds, timeMs: number, attempt: FailedLogon): void {
    this.rows.push(logonFailedRow(ids.host, Math.min(timeMs, this.lastMs), attempt));
  }
}
