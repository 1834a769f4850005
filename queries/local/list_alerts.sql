-- Alerts in [start, end], newest first; optionally only those naming a host, and at least a severity.
SELECT * FROM alert_projection
WHERE TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND (CAST($host_name AS VARCHAR) IS NULL
       OR kql_has(CompromisedEntity, $host_name) OR kql_has(Entities, $host_name))
  AND (CAST($min_severity AS INTEGER) IS NULL OR severity_rank(Severity) >= $min_severity)
ORDER BY TimeGenerated DESC, SystemAlertId
