-- Process creations (4688) on a host in [start, end] (msticpy list_host_processes, host_op `has`).
SELECT * FROM process_events
WHERE TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND kql_has(Computer, $host_name)
ORDER BY TimeGenerated, NewProcessId
