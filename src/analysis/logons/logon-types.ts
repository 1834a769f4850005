/** Windows logon type numbers and names (msticpy `nbdisplay._WIN_LOGON_TYPE_MAP`). */

/** Logon type number → name, exactly msticpy's table. */
export const logonTypeNames: Readonly<Record<number, string>> = Object.freeze({
  0: 'Unknown',
  2: 'Interactive',
  3: 'Network',
  4: 'Batch',
  5: 'Service',
  7: 'Unlock',
  8: 'NetworkCleartext',
  9: 'NewCredentials',
  10: 'RemoteInteractive',
  11: 'CachedInteractive',
});

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
