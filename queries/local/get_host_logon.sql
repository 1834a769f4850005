-- The logon (4624) that created a session on a host (msticpy get_host_logon).
SELECT * FROM logon_events
WHERE EventID = 4624
  AND TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND kql_has(Computer, $host_name) AND TargetLogonId = $logon_session_id
ORDER BY TimeGenerated
