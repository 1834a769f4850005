-- The parent of a process (msticpy get_parent_process, with its unbalanced parenthesis fixed): the source is the
-- latest creation of process_id/process_name in the session; its parent the latest earlier creation of the
-- source's ProcessId in the same session, looking back 2 hours before start.
WITH source AS (
  SELECT ProcessId, TimeGenerated FROM process_events
  WHERE TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
    AND kql_has(Computer, $host_name) AND SubjectLogonId = $logon_session_id
    AND NewProcessId = $process_id AND lower(NewProcessName) = lower($process_name)
  ORDER BY TimeGenerated DESC LIMIT 1
)
SELECT e.* FROM process_events e, source s
WHERE e.TimeGenerated >= CAST($start AS TIMESTAMP) - INTERVAL 2 HOUR AND e.TimeGenerated <= s.TimeGenerated
  AND kql_has(e.Computer, $host_name)
  AND (e.SubjectLogonId = $logon_session_id OR e.TargetLogonId = $logon_session_id)
  AND e.NewProcessId = s.ProcessId
ORDER BY e.TimeGenerated DESC LIMIT 1
