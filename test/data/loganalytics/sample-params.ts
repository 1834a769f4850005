/**
 * Benign parameter values for every named query (the FTP -s alert of msticpy's demo data), for rendering tests.
 */
import { type QueryName, type QueryParams, queryCatalog } from '../../../src/data/catalog.js';

const samples: Record<string, unknown> = {
  start: new Date('2019-01-15T04:15:20Z'),
  end: new Date('2019-01-15T05:25:20Z'),
  host_name: 'MSTICAlertsWin1',
  account_name: 'MSTICAdmin',
  process_name: 'c:\\diagnostics\\usertmp\\ftp.exe',
  system_alert_id: '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd',
  process_id: '0x1580',
  logon_session_id: '0xfaac27',
  commandline: '.\\ftp -s:C:\\RECYCLER\\xxppyy.exe',
  exclude_host: 'MSTICAlertsWin1',
  min_severity: 2,
};

/** Sample parameters of a query; `optional: false` leaves the optional ones out. */
export function sampleParams<Q extends QueryName>(name: Q, options: { optional?: boolean } = {}): QueryParams<Q> {
  const params: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(queryCatalog[name].params) as [string, string][]) {
    if (options.optional === false && spec.endsWith('?')) continue;
    params[key] = samples[key];
  }
  return params as QueryParams<Q>;
}

/** The names of a query's string parameters. */
export function stringParams(name: QueryName): string[] {
  return (Object.entries(queryCatalog[name].params) as [string, string][])
    .filter(([, spec]) => spec.replace('?', '') === 'string')
    .map(([key]) => key);
}
