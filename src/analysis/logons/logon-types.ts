import { windowsLogonTypes } from '../../core/logon-types.js';
/** Windows logon type numbers and names (msticpy `nbdisplay._WIN_LOGON_TYPE_MAP`). */

/**
 * Logon type number → name, exactly msticpy's table: Windows' names up to 11 (12 and 13 are not in it) plus 0, Unknown.
 */
export const logonTypeNames: Readonly<Record<number, string>> = Object.freeze(
  Object.fromEntries([
    [0, 'Unknown'],
    ...Object.entries(windowsLogonTypes).filter(([type]) => Number(type) <= 11),
  ]) as Record<number, string>,
);

/** True when `logonType` has its own entry in the table (the notebook's summaries drop the others). */
export function isKnownLogonType(logonType: number | null | undefined): logonType is number {
  return logonType !== null && logonType !== undefined && Object.hasOwn(logonTypeNames, logonType);
}

/**
 * Name of a logon type; numbers outside the table get the name of 0, "Unknown", as msticpy shows them.
 * @example logonTypeName(10) // 'RemoteInteractive'
 */
export function logonTypeName(logonType: number | null | undefined): string {
  return isKnownLogonType(logonType) ? logonTypeNames[logonType]! : logonTypeNames[0]!;
}
