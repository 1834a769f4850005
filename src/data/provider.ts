/**
 * The data-provider seam: steps ask for rows by query name; a provider (embedded DuckDB, Azure Log Analytics)
 * decides how to get them. Every provider returns the same row shapes for the same name.
 */
import type { QueryName, QueryParams, QueryRow } from './catalog.js';

/** What a query returned, with anything the user should know about it. */
export interface QueryResult<Q extends QueryName> {
  rows: QueryRow<Q>[];
  /** True when the provider stopped at its row limit; the rows are the first `rowLimit`. */
  truncated: boolean;
  warnings: string[];
}

export interface RunOptions {
  signal?: AbortSignal;
  /** The most rows to return (the provider's own cap applies too). */
  rowLimit?: number;
}

/** A source of alert and event rows. */
export interface DataProvider {
  readonly id: 'local' | 'loganalytics';
  run<Q extends QueryName>(name: Q, params: QueryParams<Q>, options?: RunOptions): Promise<QueryResult<Q>>;
  close(): Promise<void>;
}

/** The default cap on rows per query. */
export const defaultRowLimit = 50_000;
