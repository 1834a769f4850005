-- One alert by SystemAlertId (msticpy get_alert: no time filter).
SELECT * FROM alert_projection WHERE SystemAlertId = $system_alert_id ORDER BY TimeGenerated DESC LIMIT 1
