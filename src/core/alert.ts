/**
 * The Alert domain model: one SecurityAlert row parsed the way msticpy's `SecurityAlert` does (msticpy-facts §b),
 * as plain, JSON-serialisable data. `parseAlert` never throws: what it cannot use becomes a warning.
 *
 * ExtendedProperties `IpAddress` / `Username`: msticpy turns them into pseudo-entities that have no `$id` and are
 * therefore always dropped; socbot does not create them at all — the values stay visible in `extendedProperties`.
 */
import {
  firstOfType,
  logonIdOf,
  type OsFamily,
  osFamilyOf,
  pathSeparatorOf,
  primaryProcessOf,
  qualifiedAccountName,
} from './alert-derive.js';
import { alertFacts, type Cells, firstText, readExtendedProperties, readTime } from './alert-fields.js';
import { type Entity, type EntityEdge, textProp } from './entity.js';
import { hostFqdn, processImageName, processImagePath } from './entity-describe.js';
import { parseEntities } from './entity-parse.js';
import { isJsonObject, readJsonArray, type Warn } from './json-cell.js';
import type { SecurityAlertRow, StoredSecurityAlert } from './rows.js';
import type { Fact } from './section.js';

export type { OsFamily } from './alert-derive.js';

type LooseColumn = 'Entities' | 'ExtendedProperties' | 'TimeGenerated' | 'StartTimeUtc' | 'EndTimeUtc';

/**
 * A loose SecurityAlert record: Entities as JSON text or an array, ExtendedProperties as JSON text or an object,
 * times as Date, ISO text or `YYYY-MM-DD HH:MM:SS` (UTC); Sentinel's raw column names are accepted too.
 */
export type AlertRecord = Partial<Omit<SecurityAlertRow, LooseColumn>> & {
  [K in LooseColumn]?: unknown;
} & Record<string, unknown>;

/** What `parseAlert` accepts: typed rows (interfaces have no index signature, hence listed) or loose records. */
export type AlertInput = AlertRecord | SecurityAlertRow | StoredSecurityAlert;

/** A parsed alert. Entity-valued fields are the same objects as in `entities`. */
export interface Alert {
  /** SystemAlertId; `''` when missing (with a warning). */
  id: string;
  name: string;
  displayName: string;
  /** AlertType, falling back to AlertName. */
  alertType: string;
  severity: string;
  description: string;
  providerName: string;
  productName: string;
  compromisedEntity: string;
  /** The origin time of investigation windows: TimeGenerated (msticpy `origin_time`). */
  timeGenerated: Date | null;
  startTime: Date | null;
  endTime: Date | null;
  /** The row's scalar columns worth showing, in order (no Entities / ExtendedProperties). */
  properties: Fact[];
  extendedProperties: Record<string, string>;
  /** In msticpy's order: first appearance of each `$id`. */
  entities: Entity[];
  /** Every resolved reference between entities (direct properties and lists of references). */
  edges: EntityEdge[];
  primaryHost: Entity | null;
  /** The primary host's short HostName. */
  hostName: string | null;
  /** `HostName.DnsDomain`, or HostName when there is no domain (msticpy `fqdn` / `computer`). */
  fqdn: string | null;
  primaryAccount: Entity | null;
  accountQualifiedName: string | null;
  primaryProcess: Entity | null;
  processFilePath: string | null;
  processName: string | null;
  processId: string | null;
  commandLine: string | null;
  /** msticpy `get_logon_id()`: first host-logon-session's SessionId, else the first account LogonId. */
  logonId: string | null;
  osFamily: OsFamily;
  pathSeparator: '\\' | '/';
  /** What was ignored or odd in the row, for the user to see. */
  warnings: string[];
}

/** The parameters the investigation queries take from an alert (values raw: escaping is the query layer's job). */
export interface AlertQueryParams {
  /** The primary host's short name. */
  hostName: string | null;
  /** msticpy's `host_name` (what `Computer` is compared with). */
  fqdn: string | null;
  /** The primary account's Name (msticpy `account_name`). */
  accountName: string | null;
  /** The alert process's full image path, unescaped. */
  processName: string | null;
  processId: string | null;
  logonSessionId: string | null;
  pathSeparator: '\\' | '/';
  systemAlertId: string;
}

function buildAlert(cells: Cells, warn: Warn): Omit<Alert, 'warnings'> {
  const id = firstText(cells, 'SystemAlertId') ?? '';
  if (id === '') warn('SystemAlertId is missing; the alert has no id.');
  const items = readJsonArray(cells.get('Entities'), 'Entities', warn);
  const { entities, edges } = items ? parseEntities(items, warn) : { entities: [], edges: [] };
  const set = { entities };
  const primaryHost = firstOfType(set, 'host');
  const primaryAccount = firstOfType(set, 'account');
  const primaryProcess = primaryProcessOf(set);
  const osFamily = osFamilyOf(set);
  const name = firstText(cells, 'AlertName', 'AlertDisplayName', 'DisplayName') ?? '';
  return {
    id,
    name,
    displayName: firstText(cells, 'AlertDisplayName', 'DisplayName', 'AlertName') ?? '',
    alertType: firstText(cells, 'AlertType') ?? name,
    severity: firstText(cells, 'Severity', 'AlertSeverity') ?? '',
    description: firstText(cells, 'Description') ?? '',
    providerName: firstText(cells, 'ProviderName') ?? '',
    productName: firstText(cells, 'ProductName') ?? '',
    compromisedEntity: firstText(cells, 'CompromisedEntity') ?? '',
    timeGenerated: readTime(cells, ['TimeGenerated', 'TimeGeneratedUtc'], warn),
    startTime: readTime(cells, ['StartTimeUtc', 'StartTime'], warn),
    endTime: readTime(cells, ['EndTimeUtc', 'EndTime'], warn),
    properties: alertFacts(cells),
    extendedProperties: readExtendedProperties(cells.get('ExtendedProperties'), warn),
    entities,
    edges,
    primaryHost,
    hostName: primaryHost ? textProp(primaryHost.properties, 'HostName') : null,
    fqdn: primaryHost ? hostFqdn(primaryHost) : null,
    primaryAccount,
    accountQualifiedName: primaryAccount ? qualifiedAccountName(primaryAccount, set) : null,
    primaryProcess,
    processFilePath: primaryProcess ? processImagePath(primaryProcess, set) : null,
    processName: primaryProcess ? processImageName(primaryProcess, set) : null,
    processId: primaryProcess ? textProp(primaryProcess.properties, 'ProcessId') : null,
    commandLine: primaryProcess ? textProp(primaryProcess.properties, 'CommandLine') : null,
    logonId: logonIdOf(set),
    osFamily,
    pathSeparator: pathSeparatorOf(osFamily),
  };
}

function emptyAlert(): Omit<Alert, 'warnings'> {
  return buildAlert(new Map(), () => {});
}

/** Parses one SecurityAlert row. Never throws: malformed cells are ignored and explained in `warnings`. */
export function parseAlert(row: AlertInput): Alert {
  // Each kind of problem is reported once (parsers aggregate), so this list stays short on any input.
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  try {
    if (!isJsonObject(row)) {
      warn('The alert row is not an object; nothing could be read.');
      return { ...emptyAlert(), warnings };
    }
    return { ...buildAlert(new Map(Object.entries(row)), warn), warnings };
  } catch (error) {
    // A last resort for inputs no check above foresaw (e.g. a row whose getters throw): the contract is no throw.
    warn(`The alert row could not be read (${error instanceof Error ? error.message : String(error)}).`);
    return { ...emptyAlert(), warnings };
  }
}

/** The values the investigation queries need, from a parsed alert. */
export function alertQueryParams(alert: Alert): AlertQueryParams {
  return {
    hostName: alert.hostName,
    fqdn: alert.fqdn,
    accountName: alert.primaryAccount ? textProp(alert.primaryAccount.properties, 'Name') : null,
    processName: alert.processFilePath,
    processId: alert.processId,
    logonSessionId: alert.logonId,
    pathSeparator: alert.pathSeparator,
    systemAlertId: alert.id,
  };
}
