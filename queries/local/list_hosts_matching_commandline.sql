-- The same image and command line (case-insensitive) in [start, end] (msticpy list_hosts_matching_commandline).
-- Deliberate fix: msticpy 3 no longer excludes the alert's own host; exclude_host restores that.
SELECT * FROM process_events
WHERE TimeGenerated >= CAST($start AS TIMESTAMP) AND TimeGenerated <= CAST($end AS TIMESTAMP)
  AND ends_with(lower(NewProcessName), lower($process_name))
  AND lower(CommandLine) = lower($commandline)
  AND (CAST($exclude_host AS VARCHAR) IS NULL
       OR split_part(lower(Computer), '.', 1) <> split_part(lower($exclude_host), '.', 1))
ORDER BY TimeGenerated, Computer
