/**
 * SecurityAlert rows shaped like Azure Security Center's (Defender for Servers) alerts in the shared msticpy
 * data: ProviderName `Detection`, AlertType = display name, ExtendedProperties with "Compromised Host",
 * "Suspicious Process"…, Entities with `$id`/`$ref`.
 *
 * Deliberate difference from ASC: ExtendedProperties keep the command line's case (ASC lower-cases it), so
 * that base64 in it still decodes and it matches the 4688 CommandLine exactly.
 */
import { emptyStoredAlert, type StoredSecurityAlert } from '../../../core/rows.js';
import { AlertEntities, type EntityRef } from './alert-entities.js';
import type { DemoCatalog, DemoHost } from './host-catalog.js';
import { hexId, type ProcessRef } from './process-ref.js';
import type { RandomSource } from './random-source.js';

export type AlertSeverity = 'High' | 'Medium' | 'Low' | 'Informational';

/** What an alert says, independent of its entities. */
export interface AlertText {
  readonly displayName: string;
  readonly severity: AlertSeverity;
  readonly description: string;
  readonly tactics: string;
  readonly techniques: readonly string[];
  readonly remediation: readonly string[];
}

/** Everything that goes into one alert row. */
export interface AlertFacts extends AlertText {
  readonly host: DemoHost;
  readonly startMs: number;
  readonly endMs: number;
  readonly entities: AlertEntities;
  readonly properties: Readonly<Record<string, string>>;
}

const ascServiceId = '14fa08c7-c48e-4c18-950c-8148024b4398';

/** The stored SecurityAlert row; ids and the detection delay come from `random`. */
export function ascAlertRow(catalog: DemoCatalog, random: RandomSource, facts: AlertFacts): StoredSecurityAlert {
  const systemAlertId = random.guid();
  const vendorId = random.guid();
  const generatedMs = facts.endMs + random.int(4_000, 90_000);
  const row = emptyStoredAlert({ TimeGenerated: new Date(generatedMs), SystemAlertId: systemAlertId });
  const resourceType = facts.host.role === 'workstation' ? 'Hybrid Machine' : 'Virtual Machine';
  return Object.assign(row, {
    TenantId: catalog.tenantId,
    DisplayName: facts.displayName,
    AlertName: facts.displayName,
    AlertSeverity: facts.severity,
    Description: facts.description,
    ProviderName: 'Detection',
    VendorName: 'Microsoft',
    VendorOriginalId: vendorId,
    ResourceId: facts.host.resourceId,
    SourceComputerId: facts.host.sourceComputerId,
    AlertType: facts.displayName,
    ConfidenceLevel: 'Unknown',
    IsIncident: false,
    StartTime: new Date(facts.startMs),
    EndTime: new Date(facts.endMs),
    ProcessingEndTime: new Date(generatedMs + random.int(20_000, 180_000)),
    RemediationSteps: JSON.stringify(facts.remediation),
    ExtendedProperties: JSON.stringify({
      ...facts.properties,
      resourceType,
      ServiceId: ascServiceId,
      ReportingSystem: 'Azure',
      OccuringDatacenter: 'westeurope',
    }),
    Entities: facts.entities.toJson(),
    SourceSystem: 'Detection',
    WorkspaceSubscriptionId: catalog.subscriptionId,
    WorkspaceResourceGroup: catalog.resourceGroup,
    ProductName: 'Azure Security Center',
    ProductComponentName: 'Servers',
    AlertLink: `https://portal.azure.com/#blade/Microsoft_Azure_Security_AzureDefenderForData/AlertBlade/alertId/${vendorId}/subscriptionId/${catalog.subscriptionId}/resourceGroup/${catalog.resourceGroup}/referencedFrom/alertDeepLink/location/westeurope`,
    Status: 'New',
    CompromisedEntity: facts.host.name,
    Tactics: facts.tactics,
    Techniques: JSON.stringify(facts.techniques),
  } satisfies Partial<StoredSecurityAlert>);
}

/** A process alert: the process, its parent, the account and session of its 4688. */
export interface ProcessAlertFacts extends AlertText {
  readonly host: DemoHost;
  readonly process: ProcessRef;
  readonly parent: ProcessRef;
  /** When the session started (its 4624). */
  readonly sessionStartMs: number;
  /** Adds the story's other entities (URL, IP, dump file). */
  readonly more?: (entities: AlertEntities) => void;
  readonly moreProperties?: Readonly<Record<string, string>>;
}

/** The entities of a process alert; returns them and the suspicious process's reference. */
export function processAlertEntities(facts: ProcessAlertFacts): { entities: AlertEntities; process: EntityRef } {
  const entities = new AlertEntities(facts.host);
  const { process, parent } = facts;
  const parentRef = entities.process(parent);
  // The 4688's Subject is the creator's session: that is the account and logon id the alert names.
  const account = entities.account(parent.account, parent.logonId);
  const processRef = entities.process(process, { account, parent: parentRef });
  entities.logonSession(parent.logonId, facts.sessionStartMs, process.createdMs, account);
  facts.more?.(entities);
  return { entities, process: processRef };
}

/** A process alert row as ASC writes them ("Suspicious Process", "Suspicious Command Line", …). */
export function ascProcessAlert(
  catalog: DemoCatalog,
  random: RandomSource,
  facts: ProcessAlertFacts,
): StoredSecurityAlert {
  const { process, parent, host } = facts;
  const { entities } = processAlertEntities(facts);
  return ascAlertRow(catalog, random, {
    ...facts,
    startMs: process.createdMs,
    endMs: process.createdMs,
    entities,
    properties: {
      'Compromised Host': host.name,
      'User Name': `${parent.account.domain}\\${parent.account.name}`,
      'Account Session Id': parent.logonId,
      'Suspicious Process': process.image.toLowerCase(),
      'Suspicious Command Line': process.commandLine,
      'Parent Process': parent.image.toLowerCase(),
      'Suspicious Process Id': hexId(process.pid),
      ...facts.moreProperties,
    },
  });
}
