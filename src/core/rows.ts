/**
 * Rows of the two Sentinel tables socbot reads, with Sentinel's own column names.
 *
 * Every provider (embedded DuckDB, Log Analytics) returns rows of these shapes, so analysis and steps never
 * care where a row came from. Times are `Date` (UTC); absent values are `null`, never `undefined`.
 */

/** The `SecurityAlert` columns as the alert queries project them (msticpy's projection: StartTimeUtc, Severity…). */
export interface SecurityAlertRow {
  TenantId: string | null;
  TimeGenerated: Date;
  AlertDisplayName: string | null;
  AlertName: string | null;
  AlertType: string | null;
  Severity: string | null;
  Description: string | null;
  ProviderName: string | null;
  VendorName: string | null;
  VendorOriginalId: string | null;
  SystemAlertId: string;
  ResourceId: string | null;
  SourceComputerId: string | null;
  ConfidenceLevel: string | null;
  ConfidenceScore: number | null;
  IsIncident: boolean | null;
  StartTimeUtc: Date | null;
  EndTimeUtc: Date | null;
  ProcessingEndTime: Date | null;
  RemediationSteps: string | null;
  /** JSON object text, as stored by Sentinel. Parsed by `parseAlert`. */
  ExtendedProperties: string | null;
  /** JSON array text with `$id` / `$ref` references. Parsed by `parseAlert`. */
  Entities: string | null;
  SourceSystem: string | null;
  WorkspaceSubscriptionId: string | null;
  WorkspaceResourceGroup: string | null;
  ExtendedLinks: string | null;
  ProductName: string | null;
  ProductComponentName: string | null;
  AlertLink: string | null;
  Status: string | null;
  CompromisedEntity: string | null;
  Tactics: string | null;
  Techniques: string | null;
}

/**
 * A `SecurityEvent` row. Only the columns socbot uses for 4688 (process creation), 4624 (logon) and
 * 4625 (failed logon) are listed; ids stay the hex strings Windows writes (`0x3e7`).
 */
export interface SecurityEventRow {
  TenantId: string | null;
  TimeGenerated: Date;
  SourceSystem: string | null;
  Computer: string;
  EventID: number;
  Activity: string | null;
  Channel: string | null;
  EventSourceName: string | null;
  Task: number | null;
  Level: string | null;
  Account: string | null;
  AccountType: string | null;
  SubjectUserSid: string | null;
  SubjectUserName: string | null;
  SubjectDomainName: string | null;
  SubjectLogonId: string | null;
  NewProcessId: string | null;
  NewProcessName: string | null;
  TokenElevationType: string | null;
  MandatoryLabel: string | null;
  ProcessId: string | null;
  ProcessName: string | null;
  CommandLine: string | null;
  ParentProcessName: string | null;
  TargetUserSid: string | null;
  TargetUserName: string | null;
  TargetDomainName: string | null;
  TargetLogonId: string | null;
  TargetAccount: string | null;
  LogonProcessName: string | null;
  LogonType: number | null;
  LogonTypeName: string | null;
  AuthenticationPackageName: string | null;
  LmPackageName: string | null;
  LogonGuid: string | null;
  ElevatedToken: string | null;
  ImpersonationLevel: string | null;
  Status: string | null;
  SubStatus: string | null;
  FailureReason: string | null;
  IpAddress: string | null;
  IpPort: string | null;
  WorkstationName: string | null;
  SourceComputerId: string | null;
  EventData: string | null;
}

/** Raw `SecurityAlert` as stored in the workspace (Sentinel's table names: DisplayName, AlertSeverity, StartTime…). */
export interface StoredSecurityAlert
  extends Omit<SecurityAlertRow, 'AlertDisplayName' | 'Severity' | 'StartTimeUtc' | 'EndTimeUtc'> {
  DisplayName: string | null;
  AlertSeverity: string | null;
  StartTime: Date | null;
  EndTime: Date | null;
}

/** Column value kinds of the stored tables, used to build DDL, appenders and the KQL schema. */
export type ColumnKind = 'string' | 'datetime' | 'int' | 'real' | 'bool';

/** The stored `SecurityAlert` table: column → kind, in Sentinel's order. */
export const securityAlertColumns = {
  TenantId: 'string',
  TimeGenerated: 'datetime',
  DisplayName: 'string',
  AlertName: 'string',
  AlertSeverity: 'string',
  Description: 'string',
  ProviderName: 'string',
  VendorName: 'string',
  VendorOriginalId: 'string',
  SystemAlertId: 'string',
  ResourceId: 'string',
  SourceComputerId: 'string',
  AlertType: 'string',
  ConfidenceLevel: 'string',
  ConfidenceScore: 'real',
  IsIncident: 'bool',
  StartTime: 'datetime',
  EndTime: 'datetime',
  ProcessingEndTime: 'datetime',
  RemediationSteps: 'string',
  ExtendedProperties: 'string',
  Entities: 'string',
  SourceSystem: 'string',
  WorkspaceSubscriptionId: 'string',
  WorkspaceResourceGroup: 'string',
  ExtendedLinks: 'string',
  ProductName: 'string',
  ProductComponentName: 'string',
  AlertLink: 'string',
  Status: 'string',
  CompromisedEntity: 'string',
  Tactics: 'string',
  Techniques: 'string',
} as const satisfies Record<keyof StoredSecurityAlert, ColumnKind>;

/** The stored `SecurityEvent` table: column → kind. */
export const securityEventColumns = {
  TenantId: 'string',
  TimeGenerated: 'datetime',
  SourceSystem: 'string',
  Computer: 'string',
  EventID: 'int',
  Activity: 'string',
  Channel: 'string',
  EventSourceName: 'string',
  Task: 'int',
  Level: 'string',
  Account: 'string',
  AccountType: 'string',
  SubjectUserSid: 'string',
  SubjectUserName: 'string',
  SubjectDomainName: 'string',
  SubjectLogonId: 'string',
  NewProcessId: 'string',
  NewProcessName: 'string',
  TokenElevationType: 'string',
  MandatoryLabel: 'string',
  ProcessId: 'string',
  ProcessName: 'string',
  CommandLine: 'string',
  ParentProcessName: 'string',
  TargetUserSid: 'string',
  TargetUserName: 'string',
  TargetDomainName: 'string',
  TargetLogonId: 'string',
  TargetAccount: 'string',
  LogonProcessName: 'string',
  LogonType: 'int',
  LogonTypeName: 'string',
  AuthenticationPackageName: 'string',
  LmPackageName: 'string',
  LogonGuid: 'string',
  ElevatedToken: 'string',
  ImpersonationLevel: 'string',
  Status: 'string',
  SubStatus: 'string',
  FailureReason: 'string',
  IpAddress: 'string',
  IpPort: 'string',
  WorkstationName: 'string',
  SourceComputerId: 'string',
  EventData: 'string',
} as const satisfies Record<keyof SecurityEventRow, ColumnKind>;

/** A SecurityEvent row with every column null except the required ones: a starting point for builders. */
export function emptySecurityEvent(
  required: Pick<SecurityEventRow, 'TimeGenerated' | 'Computer' | 'EventID'>,
): SecurityEventRow {
  const row = Object.fromEntries(
    Object.keys(securityEventColumns).map((c) => [c, null]),
  ) as unknown as SecurityEventRow;
  return Object.assign(row, required);
}

/** A stored SecurityAlert with every column null except the required ones. */
export function emptyStoredAlert(
  required: Pick<StoredSecurityAlert, 'TimeGenerated' | 'SystemAlertId'>,
): StoredSecurityAlert {
  const row = Object.fromEntries(
    Object.keys(securityAlertColumns).map((c) => [c, null]),
  ) as unknown as StoredSecurityAlert;
  return Object.assign(row, required);
}
