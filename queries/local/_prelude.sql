-- Shared definitions for the local (DuckDB) queries, created as temporary objects on every connection.
-- They play the part of msticpy's {query_project} and of KQL operators SQL lacks.

-- KQL `has`: case-insensitive whole-term match (a term is a run of letters and digits).
CREATE OR REPLACE TEMP MACRO kql_has(t, term) AS (
  t IS NOT NULL AND term IS NOT NULL AND term <> '' AND contains(lower(t), lower(term))
  AND regexp_matches(lower(t), '(^|[^a-z0-9])' || regexp_escape(lower(term)) || '($|[^a-z0-9])')
);

-- Severity names in rank order, so "severity medium" means medium or above.
CREATE OR REPLACE TEMP MACRO severity_rank(s) AS (
  CASE lower(s) WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END
);

-- The last path segment of an image path, Windows or Linux.
CREATE OR REPLACE TEMP MACRO image_name(p) AS (regexp_extract(p, '[^\\/]*$'));

-- msticpy's SecurityAlert projection: StartTimeUtc, EndTimeUtc, AlertDisplayName, Severity, AlertType fallback.
CREATE OR REPLACE TEMP VIEW alert_projection AS
SELECT TenantId, TimeGenerated, DisplayName AS AlertDisplayName, AlertName,
  coalesce(nullif(AlertType, ''), AlertName) AS AlertType, AlertSeverity AS Severity, Description, ProviderName,
  VendorName, VendorOriginalId, SystemAlertId, ResourceId, SourceComputerId, ConfidenceLevel, ConfidenceScore,
  IsIncident, StartTime AS StartTimeUtc, EndTime AS EndTimeUtc, ProcessingEndTime, RemediationSteps,
  ExtendedProperties, Entities, SourceSystem, WorkspaceSubscriptionId, WorkspaceResourceGroup, ExtendedLinks,
  ProductName, ProductComponentName, AlertLink, Status,
  coalesce(nullif(CompromisedEntity, ''),
    try(json_extract_string(ExtendedProperties, '$."Compromised Host"'))) AS CompromisedEntity,
  Tactics, Techniques
FROM SecurityAlert;

-- msticpy's 4688 projection (kql_sent_winevent_proc.yaml).
CREATE OR REPLACE TEMP VIEW process_events AS
SELECT TenantId, Account, EventID, TimeGenerated, Computer, SubjectUserSid, SubjectUserName, SubjectDomainName,
  SubjectLogonId, NewProcessId, NewProcessName, TokenElevationType, ProcessId, CommandLine, ParentProcessName,
  TargetLogonId, SourceComputerId
FROM SecurityEvent WHERE EventID = 4688;

-- msticpy's logon projection (kql_sent_winevent_logon.yaml), plus the failure reason columns of 4625.
CREATE OR REPLACE TEMP VIEW logon_events AS
SELECT TenantId, Account, EventID, TimeGenerated, SourceComputerId, Computer, SubjectUserName, SubjectDomainName,
  SubjectUserSid, TargetUserName, TargetDomainName, TargetUserSid, TargetLogonId, LogonProcessName, LogonType,
  LogonTypeName, AuthenticationPackageName, Status, SubStatus, FailureReason, IpAddress, WorkstationName
FROM SecurityEvent WHERE EventID IN (4624, 4625);
