-- Process creations (4688) of one logon session on a host (msticpy list_processes_in_session).
SELECT * FROM process_events
WHERE TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND kql_has(Computer, $host_name) AND SubjectLogonId = $logon_session_id
ORDER BY TimeGenerated, NewProcessId
