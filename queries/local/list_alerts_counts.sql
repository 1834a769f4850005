-- Alert counts per AlertName in [start, end], most frequent first (msticpy list_alerts_counts).
SELECT AlertName, CAST(count(*) AS INTEGER) AS alertCount, min(TimeGenerated) AS firstAlert,
  max(TimeGenerated) AS lastAlert
FROM alert_projection
WHERE TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND (CAST($host_name AS VARCHAR) IS NULL
       OR kql_has(CompromisedEntity, $host_name) OR kql_has(Entities, $host_name))
  AND (CAST($min_severity AS INTEGER) IS NULL OR severity_rank(Severity) >= $min_severity)
GROUP BY AlertName
ORDER BY alertCount DESC, AlertName
