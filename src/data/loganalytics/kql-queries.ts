/**
 * The KQL text of every named query (`queries/loganalytics/*.kql`) and the tiny renderer that fills its `{param}`
 * placeholders. Every value goes through `kqlLiteral`; a placeholder without a value (or a value of the wrong
 * type) throws, so a typo in a query file fails loudly instead of querying for the wrong thing.
 */
import { readFileSync } from 'node:fs';
import { SocbotError } from '../../core/errors.js';
import { type ParamKind, type QueryName, type QueryParams, queryCatalog, queryNames } from '../catalog.js';
import { type KqlKind, KqlLiteralError, kqlLiteral } from '../escape-kql.js';

const queriesDir = new URL('../../../queries/loganalytics/', import.meta.url);

/** The query texts, read once: a missing file fails at start, not mid-investigation. */
export interface KqlQueryTexts {
  /** `let` definitions shared by all queries (projections, helpers). */
  prelude: string;
  queries: Record<QueryName, string>;
}

/** Reads `_prelude.kql` and one `<name>.kql` per catalog query. */
export function loadKqlQueries(): KqlQueryTexts {
  const read = (name: string) => readFileSync(new URL(`${name}.kql`, queriesDir), 'utf8');
  const queries = Object.fromEntries(queryNames.map((name) => [name, read(name)])) as Record<QueryName, string>;
  return { prelude: read('_prelude'), queries };
}

/** Reads another KQL file of the folder (e.g. the doctor's table probe). */
export function readKqlFile(name: string): string {
  return readFileSync(new URL(`${name}.kql`, queriesDir), 'utf8');
}

/** A value for a placeholder, with the literal kind to write it as. */
export interface KqlParam {
  value: unknown;
  kind: KqlKind;
}

const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces each `{name}` in `template` by `kqlLiteral(value, kind)`, in one pass (a value that itself contains
 * `{name}` is never rescanned). Throws for a placeholder with no parameter.
 */
export function renderKql(template: string, params: Readonly<Record<string, KqlParam>>): string {
  return template.replace(placeholder, (_match, name: string) => {
    const param = Object.hasOwn(params, name) ? params[name] : undefined;
    if (!param) throw new KqlLiteralError(`the query refers to {${name}}, which has no value`);
    return kqlLiteral(param.value, param.kind);
  });
}

const kqlKindOf: Record<ParamKind, KqlKind> = { datetime: 'datetime', string: 'string', int: 'int', bool: 'bool' };

/** The catalog's parameters of a query as typed KQL parameters (absent optional ones become typed nulls). */
export function catalogParams<Q extends QueryName>(name: Q, params: QueryParams<Q>): Record<string, KqlParam> {
  const values = params as Record<string, unknown>;
  const typed: Record<string, KqlParam> = {};
  for (const [key, spec] of Object.entries(queryCatalog[name].params) as [string, string][]) {
    typed[key] = { value: values[key] ?? null, kind: kqlKindOf[spec.replace('?', '') as ParamKind] };
  }
  return typed;
}

/**
 * The full KQL sent for a named query: the prelude, the query with its parameters as literals, and a `take` one
 * past the row limit (so truncation can be told from an exact fit).
 */
export function renderNamedQuery<Q extends QueryName>(
  texts: KqlQueryTexts,
  name: Q,
  params: QueryParams<Q>,
  rowLimit: number,
): string {
  try {
    const body = renderKql(texts.queries[name], catalogParams(name, params));
    return `${texts.prelude.trimEnd()}\n${body.trimEnd()}\n| take ${kqlLiteral(rowLimit + 1, 'long')}\n`;
  } catch (error) {
    if (!(error instanceof KqlLiteralError)) throw error;
    throw new SocbotError('BadInput', `The ${name} query cannot be written: ${error.message}.`, { cause: error });
  }
}
