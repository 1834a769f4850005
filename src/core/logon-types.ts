/**
 * Windows logon types: the numbers 4624/4625 carry and the names Windows gives them. Shared by the importer and
 * the demo (Sentinel's `LogonTypeName`) and by logon analysis (msticpy's display table).
 */

/** Logon type number → Windows' name. */
export const windowsLogonTypes: Readonly<Record<number, string>> = Object.freeze({
  2: 'Interactive',
  3: 'Network',
  4: 'Batch',
  5: 'Service',
  7: 'Unlock',
  8: 'NetworkCleartext',
  9: 'NewCredentials',
  10: 'RemoteInteractive',
  11: 'CachedInteractive',
  12: 'CachedRemoteInteractive',
  13: 'CachedUnlock',
});

/** Sentinel's `LogonTypeName` column (`"3 - Network"`); null for types Windows does not name. */
export function sentinelLogonTypeName(logonType: number | null): string | null {
  if (logonType === null) return null;
  const name = windowsLogonTypes[logonType];
  return name ? `${logonType} - ${name}` : null;
}
