/**
 * Query injection: hostile values (quotes, backslashes, `|`, newlines, `//`, unicode, lone surrogates, 10 KB
 * strings, `"; SecurityEvent | take 1 //`) through every string parameter of every named query. Each must stay one
 * string literal: the parsed query has the same syntax shape (element kinds) as with benign values, no syntax
 * error, and each literal decodes to exactly the value given — msticpy pasted values in unescaped (its bug §j.1).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type QueryName, queryNames } from '../../../src/data/catalog.js';
import {
  catalogParams,
  loadKqlQueries,
  renderKql,
  renderNamedQuery,
} from '../../../src/data/loganalytics/kql-queries.js';
import { analyzeKql, loadKusto } from './kusto-check.js';
import { sampleParams, stringParams } from './sample-params.js';

const texts = loadKqlQueries();
// The language service loads in a second or two (more on a busy machine): once per file, before the tests.
beforeAll(loadKusto, 30_000);

const hostileConstants = [
  '"; SecurityEvent | take 1 //',
  '" or true or "',
  '"',
  '\\',
  '\\"',
  'a\\',
  "'",
  '|',
  '\n',
  '\r\n',
  '\t',
  '//',
  '/*',
  '*/',
  '```',
  '@"x"',
  '{host_name}',
  '\\u0022',
  '; let x = 1;',
  '\u0000',
  '\u2028',
  '\ud800',
  '\udfff',
  'h\u00e9llo 😀 管理员',
  'C:\\Windows\\System32\\cmd.exe /c "whoami"',
];

/** Hostile strings: the classics, random unicode, strings made of KQL's special characters, and 10 KB ones. */
const hostileString = fc.oneof(
  fc.constantFrom(...hostileConstants),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '|', '\n', '/', "'", ';', '\ud800', '\udc00', 'a', ' ', '{', '`'),
    maxLength: 40,
  }),
  fc.constantFrom(...hostileConstants).map((s) => s.repeat(Math.ceil(10_240 / s.length)).slice(0, 10_240)),
);

function renderBody(name: QueryName, values: Record<string, string>): string {
  return renderKql(texts.queries[name], catalogParams(name, { ...sampleParams(name), ...values }));
}

describe('hostile parameter values stay single KQL literals', () => {
  it.each(queryNames)('%s: every string parameter, fuzzed together', (name) => {
    const keys = stringParams(name);
    const benignValues = Object.fromEntries(keys.map((key, i) => [key, `benign${i}`]));
    const benign = analyzeKql(renderBody(name, benignValues), { syntaxOnly: true });
    expect(benign.diagnostics).toEqual([]);
    const slotOf = (literal: string) => keys.findIndex((_, i) => literal === `benign${i}`);
    expect(benign.strings.filter((s) => slotOf(s) >= 0).length).toBeGreaterThanOrEqual(keys.length);

    fc.assert(
      fc.property(fc.record(Object.fromEntries(keys.map((key) => [key, hostileString]))), (values) => {
        const hostile = analyzeKql(renderBody(name, values), { syntaxOnly: true });
        expect(hostile.diagnostics).toEqual([]);
        expect(hostile.shape).toEqual(benign.shape);
        const expected = benign.strings.map((s) => (slotOf(s) >= 0 ? values[keys[slotOf(s)]!] : s));
        expect(hostile.strings).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('the classic payload in the full query sent (prelude, take) still analyses cleanly against the schema', () => {
    const payload = '"; SecurityEvent | take 1 //';
    const query = renderNamedQuery(
      texts,
      'list_related_alerts',
      { ...sampleParams('list_related_alerts'), host_name: payload, account_name: payload, process_name: payload },
      100,
    );
    const analysis = analyzeKql(query);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.strings.filter((s) => s === payload)).toHaveLength(3);
    expect(analysis.columns.map((c) => c.name)).toContain('proc_match');
  });
});
