/**
 * The query catalog: every named query socbot runs, with its typed parameters and result shape.
 *
 * Names follow msticpy's (`list_host_processes`…). Each provider keeps one text per name in
 * `queries/<provider>/<name>.(sql|kql)`; values are always bound (SQL) or escaped by one function (KQL),
 * never spliced (msticpy's `str.format` was an injection hole).
 */
import type { SecurityAlertRow, SecurityEventRow } from '../core/rows.js';

/** A parameter's kind; a trailing `?` makes it optional. */
export type ParamKind = 'datetime' | 'string' | 'int' | 'bool';
type ParamSpec = ParamKind | `${ParamKind}?`;

/** The static description of one named query. */
export interface QuerySpec {
  description: string;
  params: Record<string, ParamSpec>;
  /** Which table the rows come from; decides the row type. */
  returns: 'alerts' | 'alert-counts' | 'related-alerts' | 'events';
}

/** Severity names in rank order; `min_severity` parameters take the rank. */
export const severityRanks = { informational: 0, low: 1, medium: 2, high: 3 } as const;
export type SeverityName = keyof typeof severityRanks;

export const queryCatalog = {
  list_alerts: {
    description: 'Alerts in a time window, newest first, optionally for one host and at least a severity.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string?', min_severity: 'int?' },
    returns: 'alerts',
  },
  list_alerts_counts: {
    description: 'Alert counts by alert name in a time window, with first and last time.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string?', min_severity: 'int?' },
    returns: 'alert-counts',
  },
  get_alert: {
    description: 'One alert by its SystemAlertId.',
    params: { system_alert_id: 'string' },
    returns: 'alerts',
  },
  list_related_alerts: {
    description: 'Alerts in a window that mention the host, account or process (host_match, acct_match, proc_match).',
    params: {
      start: 'datetime',
      end: 'datetime',
      host_name: 'string?',
      account_name: 'string?',
      process_name: 'string?',
    },
    returns: 'related-alerts',
  },
  list_host_processes: {
    description: 'Process creation events (4688) of a host in a window.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string' },
    returns: 'events',
  },
  get_process_parent: {
    description: 'The parent (4688) of a process: the latest earlier creation of its ProcessId in its logon session.',
    params: {
      start: 'datetime',
      end: 'datetime',
      host_name: 'string',
      process_id: 'string',
      process_name: 'string',
      logon_session_id: 'string',
    },
    returns: 'events',
  },
  list_processes_in_session: {
    description: 'Process creation events (4688) of one logon session on a host.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string', logon_session_id: 'string' },
    returns: 'events',
  },
  list_hosts_matching_commandline: {
    description: 'Process creations with the same image name and command line (case-insensitive), on other hosts.',
    params: {
      start: 'datetime',
      end: 'datetime',
      process_name: 'string',
      commandline: 'string',
      exclude_host: 'string?',
    },
    returns: 'events',
  },
  get_host_logon: {
    description: 'The logon (4624) that created a logon session on a host.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string', logon_session_id: 'string' },
    returns: 'events',
  },
  list_host_logons: {
    description: 'Successful logons (4624) on a host in a window.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string' },
    returns: 'events',
  },
  list_host_logon_failures: {
    description: 'Failed logons (4625) on a host in a window.',
    params: { start: 'datetime', end: 'datetime', host_name: 'string' },
    returns: 'events',
  },
} as const satisfies Record<string, QuerySpec>;

export type QueryName = keyof typeof queryCatalog;
export const queryNames = Object.keys(queryCatalog) as QueryName[];

type ValueOf<K extends ParamKind> = K extends 'datetime'
  ? Date
  : K extends 'int'
    ? number
    : K extends 'bool'
      ? boolean
      : string;
type Specs<Q extends QueryName> = (typeof queryCatalog)[Q]['params'];
type RequiredKeys<P> = { [K in keyof P]: P[K] extends `${string}?` ? never : K }[keyof P];
type OptionalKeys<P> = { [K in keyof P]: P[K] extends `${string}?` ? K : never }[keyof P];
type KindOf<S> = S extends `${infer K extends ParamKind}?` ? K : S extends ParamKind ? S : never;

/** The parameters of a query, typed from the catalog. */
export type QueryParams<Q extends QueryName> = {
  [K in RequiredKeys<Specs<Q>>]: ValueOf<KindOf<Specs<Q>[K]>>;
} & { [K in OptionalKeys<Specs<Q>>]?: ValueOf<KindOf<Specs<Q>[K]>> | undefined };

/** Alert counts per alert name. */
export interface AlertCountRow {
  AlertName: string;
  alertCount: number;
  firstAlert: Date;
  lastAlert: Date;
}

/** A related alert and what it matched. */
export interface RelatedAlertRow extends SecurityAlertRow {
  host_match: boolean;
  acct_match: boolean;
  proc_match: boolean;
}

interface RowTypes {
  alerts: SecurityAlertRow;
  'alert-counts': AlertCountRow;
  'related-alerts': RelatedAlertRow;
  events: SecurityEventRow;
}

/** The row type a query returns. */
export type QueryRow<Q extends QueryName> = RowTypes[(typeof queryCatalog)[Q]['returns']];

/** Checks parameters against the catalog at run time (they may come from users): a message per problem. */
export function validateParams(name: QueryName, params: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(queryCatalog[name].params) as [string, ParamSpec][]) {
    const value = params[key];
    const optional = spec.endsWith('?');
    const kind = spec.replace('?', '') as ParamKind;
    if (value === undefined || value === null) {
      if (!optional) problems.push(`${name}: parameter ${key} is required`);
      continue;
    }
    const ok =
      kind === 'datetime'
        ? value instanceof Date && Number.isFinite(value.getTime())
        : kind === 'int'
          ? Number.isInteger(value)
          : kind === 'bool'
            ? typeof value === 'boolean'
            : typeof value === 'string';
    if (!ok) problems.push(`${name}: parameter ${key} must be a ${kind}`);
  }
  for (const key of Object.keys(params)) {
    if (!(key in queryCatalog[name].params)) problems.push(`${name}: unknown parameter ${key}`);
  }
  return problems;
}
