/**
 * The card templates in `cards/` (Adaptive Card JSON with `${…}` binding), expanded with adaptivecards-templating.
 * A template may say `{ "$include": "name" }` where an element goes: it is replaced by `cards/partials/name.json`
 * (an array is spliced in place), so the header, the blocks and the actions are written once for every template.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of adaptivecards-templating used here. */
interface CardTemplate {
  expand(context: { $root: unknown }): unknown;
}

// Loaded untyped: the package's typings pull in the `adaptivecards` TypeScript sources, which do not compile
// under this project's settings.
const { Template } = createRequire(import.meta.url)('adaptivecards-templating') as {
  Template: new (payload: unknown) => CardTemplate;
};

/** Where the templates live: `cards/` at the repository root. */
export const cardsDirectory = new URL('../../../cards/', import.meta.url);

/** Names of every template file in `cards/` (without `.json`). */
export const templateNames = [
  'generic',
  'table',
  'alert-summary',
  'process-tree',
  'verdict',
  'error',
  'help',
  'progress',
] as const;

export type TemplateName = (typeof templateNames)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Includes nested deeper than this are a mistake in the templates (a partial including itself). */
const maxIncludeDepth = 8;

function readJson(url: URL): Json {
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

function includeName(value: Json): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const name = value.$include;
  return typeof name === 'string' && Object.keys(value).length === 1 ? name : undefined;
}

/** Replaces every `{ "$include": name }` with its partial, recursively; arrays splice array partials. */
export function resolveIncludes(value: Json, loadPartial: (name: string) => Json, depth = 0): Json {
  const resolve = (item: Json): Json => resolveIncludes(item, loadPartial, depth);
  const name = includeName(value);
  if (name !== undefined) {
    if (depth >= maxIncludeDepth) throw new Error(`Card partial "${name}" nests too deep (does it include itself?)`);
    return resolveIncludes(loadPartial(name), loadPartial, depth + 1);
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const resolved = resolve(item);
      return includeName(item) !== undefined && Array.isArray(resolved) ? resolved : [resolved];
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
  }
  return value;
}

/** A template's JSON with its partials included, as the templating engine receives it. */
export function loadTemplateJson(name: TemplateName, directory: URL = cardsDirectory): Json {
  const partial = (partialName: string) => readJson(new URL(`partials/${partialName}.json`, directory));
  return resolveIncludes(readJson(new URL(`${name}.json`, directory)), partial);
}

const templates = new Map<TemplateName, CardTemplate>();

function template(name: TemplateName): CardTemplate {
  let loaded = templates.get(name);
  if (!loaded) {
    loaded = new Template(loadTemplateJson(name));
    templates.set(name, loaded);
  }
  return loaded;
}

/**
 * Expands the named template with `data` as `$root`. Data values are bound, never parsed as expressions, so text
 * from the data (a command line with `${…}` in it) comes out as it went in.
 */
export function expandTemplate(name: TemplateName, data: object): Record<string, unknown> {
  return template(name).expand({ $root: data }) as Record<string, unknown>;
}
