/**
 * A tiny YAML reader for the subset the Slack manifest uses (block maps and lists, list items that are maps,
 * quoted and plain scalars, comments on their own lines); anything else is an error, never a guess.
 */

export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

const keyPattern = /^([A-Za-z_$][\w.$-]*):(?:\s+(.*))?$/;

function scalar(text: string): YamlValue {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^['&*!|>%@`{[]/.test(text) || / #/.test(text)) throw new Error(`unsupported YAML scalar: ${text}`);
  return text;
}

/** Parses the subset; throws with a line number on anything outside it. */
export function parseTinyYaml(source: string): YamlValue {
  const lines: Line[] = source
    .split(/\r?\n/)
    .map((raw, index) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim(), number: index + 1 }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
  let i = 0;

  const fail = (line: Line | undefined, what: string): never => {
    throw new Error(`line ${line?.number ?? 'end'}: ${what}`);
  };
  const isItem = (line: Line | undefined) => line !== undefined && (line.text === '-' || line.text.startsWith('- '));

  function block(): YamlValue {
    return isItem(lines[i]) ? list(lines[i]!.indent) : map(lines[i]!.indent);
  }

  function map(indent: number): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    while (i < lines.length && lines[i]!.indent === indent && !isItem(lines[i])) {
      const line = lines[i]!;
      const match = keyPattern.exec(line.text) ?? fail(line, 'expected "key: value"');
      const [, key, value] = match;
      if (key! in out) fail(line, `duplicate key ${key}`);
      i += 1;
      const next = lines[i];
      if (value !== undefined) out[key!] = scalar(value);
      else if (next && (next.indent > indent || (next.indent === indent && isItem(next)))) out[key!] = block();
      else fail(line, `${key} has no value`);
    }
    if (i < lines.length && lines[i]!.indent > indent) fail(lines[i], 'unexpected indentation');
    return out;
  }

  function list(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    while (i < lines.length && lines[i]!.indent === indent && isItem(lines[i])) {
      const line = lines[i]!;
      const rest = line.text.slice(2);
      if (keyPattern.test(rest)) {
        // "- key: value" starts a map whose keys line up two columns in.
        lines[i] = { indent: indent + 2, text: rest, number: line.number };
        out.push(map(indent + 2));
      } else {
        out.push(scalar(rest));
        i += 1;
      }
    }
    return out;
  }

  const root = map(0);
  if (i < lines.length) fail(lines[i], 'unexpected content');
  return root;
}
