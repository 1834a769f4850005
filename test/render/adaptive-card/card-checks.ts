/**
 * Every check a card must pass, in one place: the focused 1.5 schema (ajv), the official Adaptive Cards SDK's own
 * parser (no warnings), Teams' 28 KB, and what no schema can say — unique element ids, toggle targets that
 * exist, table rows as wide as their columns, and no `${…}` left unexpanded by the templates.
 */
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { CardElement } from '../../../src/render/adaptive-card/render-card.js';
import { limits } from '../../../src/render/text-limits.js';
import { adaptiveCardSchema } from './adaptive-card-schema.js';

interface ParseContext {
  eventCount: number;
  getEventAt(index: number): { message: string };
}

interface SdkCard {
  parse(json: unknown, context: ParseContext): void;
}

// The SDK's ESM build does not load in Node; its UMD bundle does, and parsing needs no DOM.
const sdk = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => SdkCard;
  SerializationContext: new () => ParseContext;
};

const ajv = new Ajv({ allErrors: true, strict: true });
const validateSchema = ajv.compile(adaptiveCardSchema);

type Node = Record<string, unknown>;

function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value !== null && typeof value === 'object') {
    yield value as Node;
    for (const item of Object.values(value)) yield* walk(item);
  }
}

function structureProblems(card: CardElement): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const targets: string[] = [];
  for (const node of walk(card)) {
    if (typeof node.id === 'string') ids.set(node.id, (ids.get(node.id) ?? 0) + 1);
    if (node.type === 'Action.ToggleVisibility' && Array.isArray(node.targetElements)) {
      for (const target of node.targetElements) if (typeof target === 'string') targets.push(target);
    }
    if (node.type === 'Table' && Array.isArray(node.columns) && Array.isArray(node.rows)) {
      const width = node.columns.length;
      node.rows.forEach((row: { cells?: unknown[] }, i) => {
        if (row.cells?.length !== width) problems.push(`table row ${i} has ${row.cells?.length} cells, not ${width}`);
      });
    }
  }
  for (const [id, count] of ids) if (count > 1) problems.push(`element id "${id}" is used ${count} times`);
  for (const target of targets) if (!ids.has(target)) problems.push(`toggle target "${target}" does not exist`);
  return problems;
}

/** Every problem of a card ([] when it is fine); `dataHasBindings` allows `${` that came from the data. */
export function cardProblems(card: CardElement, options: { dataHasBindings?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (!validateSchema(card)) {
    for (const error of validateSchema.errors ?? []) {
      problems.push(`schema: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
  const context = new sdk.SerializationContext();
  new sdk.AdaptiveCard().parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`sdk: ${context.getEventAt(i).message}`);
  const json = JSON.stringify(card);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > limits.teamsCardBytes) problems.push(`${bytes} bytes, over ${limits.teamsCardBytes}`);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: looking for template bindings left in the card.
  if (!options.dataHasBindings && json.includes('${')) problems.push('an unexpanded ${…} binding is left');
  problems.push(...structureProblems(card));
  return problems;
}
