/**
 * The Kusto language service (`@kusto/language-service-next`, Bridge.NET build of Kusto.Language) against the
 * Sentinel schema of SecurityAlert and SecurityEvent: diagnostics, the syntax shape, the string literals a query
 * holds, and the result columns it returns (what Log Analytics would put in the response's `columns`).
 * Loading and the first analysis take a second or two: one instance per test file.
 */
import { createRequire } from 'node:module';
import { type ColumnKind, securityAlertColumns, securityEventColumns } from '../../../src/core/rows.js';

/** The slice of the Bridge.NET objects these helpers use (the package's own typings are global namespaces). */
interface BridgeList<T> {
  Count: number;
  getItem(index: number): T;
}
interface KustoElement {
  Kind: number;
  LiteralValue?: unknown;
}
interface KustoDiagnostic {
  Code: string;
  Message: string;
  Severity: string;
}
interface KustoColumn {
  Name: string;
  Type: { Name: string };
}
interface KustoCode {
  GetDiagnostics(): BridgeList<KustoDiagnostic>;
  Syntax: { WalkElements(visit: (element: KustoElement) => void): void };
  ResultType: { Columns?: BridgeList<KustoColumn> } | null;
}
interface KustoLanguage {
  KustoCode: {
    ParseAndAnalyze(text: string, globals: unknown): KustoCode;
    Parse(text: string, globals: unknown): KustoCode;
  };
  GlobalState: { Default: { WithDatabase(db: unknown): unknown } };
  Symbols: {
    TableSymbol: { From(schema: string): { WithName(name: string): unknown } };
    DatabaseSymbol: new (name: string, members: unknown[]) => unknown;
  };
  Syntax: { SyntaxKind: Record<string, unknown> };
}

/** What the language service says about one query. */
export interface KqlAnalysis {
  diagnostics: string[];
  /** Kind names of every syntax element in order: the query's shape. */
  shape: string[];
  /** The decoded value of every string literal, in order. */
  strings: string[];
  /** The result columns as `{name, type}` with Kusto type names (`string`, `datetime`, `int`, `bool`…). */
  columns: { name: string; type: string }[];
}

const kqlTypeOf: Record<ColumnKind, string> = {
  string: 'string',
  datetime: 'datetime',
  int: 'int',
  real: 'real',
  bool: 'bool',
};

/** `(Name:type, …)`, the schema text TableSymbol.From reads. */
function schemaText(columns: Record<string, ColumnKind>): string {
  return `(${Object.entries(columns)
    .map(([name, kind]) => `${name}:${kqlTypeOf[kind]}`)
    .join(', ')})`;
}

let loaded: { kusto: KustoLanguage; globals: unknown; kindNames: Map<number, string> } | undefined;

function language() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // Bridge.NET defines its runtime and the Kusto namespace as globals.
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next');
  const kusto = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
  const tables = [
    kusto.Symbols.TableSymbol.From(schemaText(securityAlertColumns)).WithName('SecurityAlert'),
    kusto.Symbols.TableSymbol.From(schemaText(securityEventColumns)).WithName('SecurityEvent'),
  ];
  const globals = kusto.GlobalState.Default.WithDatabase(new kusto.Symbols.DatabaseSymbol('sentinel', tables));
  const kindNames = new Map<number, string>();
  for (const [name, value] of Object.entries(kusto.Syntax.SyntaxKind)) {
    if (typeof value === 'number') kindNames.set(value, name);
  }
  loaded = { kusto, globals, kindNames };
  return loaded;
}

/** Loads the language service and warms it up (a second or two): call it in `beforeAll`. */
export function loadKusto(): void {
  analyze('SecurityEvent | where EventID == 4688 | take 1', false);
}

function listOf<T>(list: BridgeList<T> | undefined | null): T[] {
  const items: T[] = [];
  for (let i = 0; i < (list?.Count ?? 0); i += 1) items.push(list!.getItem(i));
  return items;
}

/**
 * Parses and analyses a query against the Sentinel schema. `syntaxOnly` skips the semantic analysis (10x faster;
 * diagnostics are then syntax errors only and `columns` is empty): enough to compare shapes in fuzz tests.
 */
export function analyzeKql(query: string, options: { syntaxOnly?: boolean } = {}): KqlAnalysis {
  const key = `${options.syntaxOnly ? 'syntax' : 'full'}\n${query}`;
  const known = analysed.get(key);
  if (known) return known;
  const analysis = analyze(query, options.syntaxOnly ?? false);
  // Only small, repeated texts are worth keeping (tests render the same queries several times).
  if (query.length < 20_000 && analysed.size < 200) analysed.set(key, analysis);
  return analysis;
}

const analysed = new Map<string, KqlAnalysis>();

function analyze(query: string, syntaxOnly: boolean): KqlAnalysis {
  const { kusto, globals, kindNames } = language();
  const code = syntaxOnly ? kusto.KustoCode.Parse(query, globals) : kusto.KustoCode.ParseAndAnalyze(query, globals);
  const shape: string[] = [];
  const strings: string[] = [];
  code.Syntax.WalkElements((element) => {
    const kind = kindNames.get(element.Kind) ?? String(element.Kind);
    shape.push(kind);
    if (kind === 'StringLiteralExpression') strings.push(String(element.LiteralValue));
  });
  return {
    diagnostics: listOf(code.GetDiagnostics()).map((d) => `${d.Code} ${d.Severity}: ${d.Message}`),
    shape,
    strings,
    columns: listOf(code.ResultType?.Columns).map((c) => ({ name: c.Name, type: c.Type.Name })),
  };
}
