-- Failed logons (4625) on a host in [start, end] (msticpy list_host_logon_failures).
SELECT * FROM logon_events
WHERE EventID = 4625
  AND TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND kql_has(Computer, $host_name)
ORDER BY TimeGenerated
