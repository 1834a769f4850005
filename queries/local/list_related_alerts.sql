-- Alerts in [start, end] mentioning the host, account or process (msticpy list_related_alerts).
-- Deliberate fix: msticpy strips an account's domain only after a double backslash; here after any `\`.
WITH src AS (
  SELECT CAST($host_name AS VARCHAR) AS src_host, CAST($account_name AS VARCHAR) AS src_acct,
    CAST($process_name AS VARCHAR) AS src_proc
), names AS (
  SELECT *, split_part(src_host, '.', 1) AS src_hostname,
    CASE WHEN contains(src_acct, '\') THEN regexp_extract(src_acct, '[^\\]*$') ELSE split_part(src_acct, '@', 1) END
      AS src_accountname,
    image_name(src_proc) AS src_procname
  FROM src
), matched AS (
  SELECT a.*,
    coalesce(src_host, '') <> '' AND (kql_has(a.Entities, src_hostname) OR kql_has(a.Entities, src_host)
      OR kql_has(a.ExtendedProperties, src_hostname) OR kql_has(a.ExtendedProperties, src_host)) AS host_match,
    coalesce(src_acct, '') <> '' AND (kql_has(a.Entities, src_accountname) OR kql_has(a.Entities, src_acct)
      OR kql_has(a.ExtendedProperties, src_accountname) OR kql_has(a.ExtendedProperties, src_acct)) AS acct_match,
    coalesce(src_proc, '') <> '' AND (kql_has(a.Entities, src_procname) OR kql_has(a.Entities, src_proc)
      OR kql_has(a.ExtendedProperties, src_procname) OR kql_has(a.ExtendedProperties, src_proc)) AS proc_match
  FROM alert_projection a, names
  WHERE a.TimeGenerated >= CAST($start AS TIMESTAMP) AND a.TimeGenerated <= CAST($end AS TIMESTAMP)
)
SELECT * FROM matched WHERE host_match OR acct_match OR proc_match
ORDER BY TimeGenerated DESC, SystemAlertId
