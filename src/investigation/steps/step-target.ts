/**
 * What a step is about: an alert, or a host investigated without one. A host is turned into a minimal Alert (no id,
 * one host entity, its time = now) so every step runs unchanged; only the follow-up buttons need to know.
 */

import type { AlertProcessSource } from '../../analysis/process-tree/index.js';
import { type Alert, parseAlert } from '../../core/alert.js';
import { parseUtcTime } from '../../core/alert-fields.js';

/**
 * A stand-in Alert for `logons host WEB01` and friends: one host entity, TimeGenerated = `at` (windows are then
 * relative to it), and no SystemAlertId — the empty id is what marks a host context.
 * @example hostContextAlert('WORKSTATION6', ctx.now()).hostName // 'WORKSTATION6'
 */
export function hostContextAlert(host: string, at: Date): Alert {
  const alert = parseAlert({
    SystemAlertId: '',
    AlertName: `Activity on host ${host}`,
    CompromisedEntity: host,
    TimeGenerated: at,
    Entities: [{ $id: '1', Type: 'host', HostName: host }],
  });
  // The only warning parseAlert can raise here is the missing id, which is the point of a host context.
  return { ...alert, warnings: [] };
}

/** True for the stand-in Alert of a host context. */
export function isHostContext(alert: Alert): boolean {
  return alert.id === '';
}

/**
 * The host name the host queries compare `Computer` with: the short HostName (a term of an FQDN `Computer`, so it
 * matches both forms), else CompromisedEntity.
 */
export function alertHost(alert: Alert): string | null {
  return alert.hostName ?? (alert.compromisedEntity || null);
}

/** What follows a command word to address this context again: the alert id, or `host NAME`. */
export function targetRef(alert: Alert): string {
  return isHostContext(alert) ? `host ${alertHost(alert) ?? ''}` : alert.id;
}

/** How a Section names its context in the subtitle: the host, and "around the alert" or "before now". */
export function originName(alert: Alert): string {
  return isHostContext(alert) ? 'now' : 'the alert';
}

/** When the alert process started: the process entity's CreationTimeUtc, else the alert's start or time. */
function alertProcessStart(alert: Alert): Date | null {
  return parseUtcTime(alert.primaryProcess?.properties.CreationTimeUtc) ?? alert.startTime ?? alert.timeGenerated;
}

/** How to find the alert's process among process events, or null when the alert names no process id. */
export function alertProcessSource(alert: Alert): AlertProcessSource | null {
  if (!alert.processId) return null;
  return {
    processId: alert.processId,
    processName: alert.processFilePath ?? alert.processName,
    logonId: alert.logonId,
    time: alertProcessStart(alert),
  };
}
