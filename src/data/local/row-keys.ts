/**
 * Identity of imported rows, so a re-import adds nothing twice: an alert is its SystemAlertId; an event is the
 * hash of all its column values (Sentinel events have no stable id of their own).
 */
import { createHash } from 'node:crypto';
import { type SecurityEventRow, type StoredSecurityAlert, securityEventColumns } from '../../core/rows.js';

const eventColumns = Object.keys(securityEventColumns) as (keyof SecurityEventRow)[];

/** The de-duplication key of an alert. */
export function alertKey(alert: StoredSecurityAlert): string {
  return `alert:${alert.SystemAlertId}`;
}

/** The de-duplication key of an event: SHA-1 of its values in column order (times as epoch ms). */
export function eventKey(event: SecurityEventRow): string {
  const values = eventColumns.map((column) => {
    const value = event[column];
    return value instanceof Date ? value.getTime() : value;
  });
  return createHash('sha1').update(JSON.stringify(values)).digest('base64url');
}
