/**
 * The one place where a value becomes KQL text. Every query parameter of the Log Analytics provider goes through
 * `kqlLiteral`, so a value can only ever be a single literal token group, never query syntax (msticpy pasted
 * values into its templates with `str.format`: an injection hole).
 */

/** The kinds of KQL literal socbot writes. `list` is a `dynamic([...])` of strings and numbers. */
export type KqlKind = 'string' | 'datetime' | 'int' | 'long' | 'real' | 'bool' | 'guid' | 'list';

/** Raised for a value that has no KQL literal of the asked kind (NaN, an invalid date, a non-GUID…). */
export class KqlLiteralError extends Error {
  override readonly name = 'KqlLiteralError';
}

const namedEscapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Characters written as an escape: quote and backslash, control characters (a raw newline ends a KQL string), the
 * Unicode line/paragraph separators and lone surrogates (so the text survives any transport unchanged).
 */
const needsEscape =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters to escape is the point.
  /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(char: string): string {
  return namedEscapes[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A double-quoted KQL string literal whose value is exactly `text`. */
export function kqlString(text: string): string {
  return `"${text.replace(needsEscape, escapeChar)}"`;
}

/** `datetime(2019-01-15T05:15:20.000Z)`; KQL datetimes span the years 0001–9999. */
export function kqlDatetime(value: Date): string {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new KqlLiteralError('a datetime parameter is not a valid date');
  const year = value.getUTCFullYear();
  if (year < 1 || year > 9999) throw new KqlLiteralError(`a datetime parameter is outside KQL's range (year ${year})`);
  return `datetime(${value.toISOString()})`;
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function integer(value: unknown, kind: 'int' | 'long'): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new KqlLiteralError(`a ${kind} parameter must be a whole number`);
  }
  if (kind === 'int' && (value < int32.min || value > int32.max)) {
    throw new KqlLiteralError('an int parameter is outside the 32-bit range');
  }
  // Wrapped so a negative number is one literal, not a unary minus that could bind to a neighbouring operator.
  return `${kind}(${value})`;
}

function real(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new KqlLiteralError('a real parameter must be finite');
  return `real(${value})`;
}

function listElement(value: unknown): string {
  if (typeof value === 'string') return kqlString(value);
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}`;
  if (typeof value === 'boolean') return `${value}`;
  throw new KqlLiteralError('a list parameter may hold only strings, finite numbers and booleans');
}

const typedNull: Record<Exclude<KqlKind, 'string' | 'list'>, string> = {
  datetime: 'datetime(null)',
  int: 'int(null)',
  long: 'long(null)',
  real: 'real(null)',
  bool: 'bool(null)',
  guid: 'guid(null)',
};

/**
 * Turns a typed value into a KQL literal. `null`/`undefined` become the kind's null (`int(null)`…); KQL strings
 * cannot be null, so a missing string is `""` and a missing list `dynamic([])`.
 * @example kqlLiteral('a"b', 'string') // "a\"b"
 */
export function kqlLiteral(value: unknown, kind: KqlKind): string {
  if (value === null || value === undefined) {
    if (kind === 'string') return '""';
    if (kind === 'list') return 'dynamic([])';
    return typedNull[kind];
  }
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw new KqlLiteralError('a string parameter must be text');
      return kqlString(value);
    case 'datetime':
      return kqlDatetime(value as Date);
    case 'int':
    case 'long':
      return integer(value, kind);
    case 'real':
      return real(value);
    case 'bool':
      if (typeof value !== 'boolean') throw new KqlLiteralError('a bool parameter must be true or false');
      return `${value}`;
    case 'guid':
      if (typeof value !== 'string' || !guidPattern.test(value)) throw new KqlLiteralError('not a GUID');
      return `guid(${value.toLowerCase()})`;
    case 'list':
      if (!Array.isArray(value)) throw new KqlLiteralError('a list parameter must be an array');
      return `dynamic([${value.map(listElement).join(', ')}])`;
  }
}
