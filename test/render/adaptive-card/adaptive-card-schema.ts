/**
 * A FOCUSED JSON schema of Adaptive Cards 1.5: the elements, actions and properties socbot's cards use, with the
 * types and enums of the official schema (adaptivecards.io/schemas/1.5.0/adaptive-card.json). No package in
 * node_modules ships the 1.5 schema file and tests fetch nothing, so this subset stands in for it: stricter than
 * the official one where it matters (unknown properties and element types are errors), silent on features socbot
 * does not use (inputs, media, authentication, refresh) — a card using them fails here on purpose.
 */

/** Adaptive Card enums are case-insensitive (`Bolder` = `bolder`). */
function caseInsensitive(values: readonly string[]): { type: 'string'; pattern: string } {
  const word = (value: string) =>
    [...value].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');
  return { type: 'string', pattern: `^(?:${values.map(word).join('|')})$` };
}

const spacing = caseInsensitive(['default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding']);
const containerStyle = caseInsensitive(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']);
const colors = caseInsensitive(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']);
const fontSize = caseInsensitive(['default', 'small', 'medium', 'large', 'extraLarge']);
const fontWeight = caseInsensitive(['default', 'lighter', 'bolder']);
const fontType = caseInsensitive(['default', 'monospace']);
const horizontalAlignment = caseInsensitive(['left', 'center', 'right']);
const verticalAlignment = caseInsensitive(['top', 'center', 'bottom']);
const width = {
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^(?:auto|stretch|\\d+px)$' },
  ],
};

/** Properties every element may have. */
const elementCommon = {
  type: { type: 'string' },
  id: { type: 'string' },
  isVisible: { type: 'boolean' },
  separator: { type: 'boolean' },
  spacing,
  height: caseInsensitive(['auto', 'stretch']),
};

const elementTypes = [
  'TextBlock',
  'RichTextBlock',
  'FactSet',
  'Container',
  'ColumnSet',
  'Image',
  'Table',
  'ActionSet',
] as const;

const actionTypes = ['Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.OpenUrl'] as const;

function element(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', properties: { ...elementCommon, ...properties }, required, additionalProperties: false };
}

function action(properties: Record<string, unknown>, required: string[] = []) {
  return {
    type: 'object',
    properties: {
      type: { type: 'string' },
      id: { type: 'string' },
      title: { type: 'string' },
      tooltip: { type: 'string' },
      isEnabled: { type: 'boolean' },
      style: caseInsensitive(['default', 'positive', 'destructive']),
      mode: caseInsensitive(['primary', 'secondary']),
      ...properties,
    },
    required: ['title', ...required],
    additionalProperties: false,
  };
}

/** Dispatches on `type`: unknown types fail, known ones must match their definition. */
function byType(types: readonly string[]) {
  return {
    type: 'object',
    required: ['type'],
    properties: { type: { enum: [...types] } },
    allOf: types.map((t) => ({
      if: { properties: { type: { const: t } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
      then: { $ref: `#/definitions/${t}` },
    })),
  };
}

const elements = { type: 'array', items: { $ref: '#/definitions/Element' } };

/** The focused Adaptive Card 1.5 schema (draft-07), for ajv. */
export const adaptiveCardSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $ref: '#/definitions/AdaptiveCard',
  definitions: {
    AdaptiveCard: {
      type: 'object',
      properties: {
        type: { const: 'AdaptiveCard' },
        $schema: { type: 'string' },
        version: { type: 'string', pattern: '^1\\.[0-5]$' },
        body: elements,
        actions: { type: 'array', items: { $ref: '#/definitions/Action' } },
        fallbackText: { type: 'string' },
        speak: { type: 'string' },
        lang: { type: 'string' },
        minHeight: { type: 'string' },
      },
      required: ['type', 'version'],
      additionalProperties: false,
    },
    /** A card inside Action.ShowCard: `version` is not required there. */
    NestedCard: {
      type: 'object',
      properties: {
        type: { const: 'AdaptiveCard' },
        version: { type: 'string' },
        body: elements,
        actions: { type: 'array', items: { $ref: '#/definitions/Action' } },
      },
      required: ['type'],
      additionalProperties: false,
    },
    Element: byType(elementTypes),
    Action: byType(actionTypes),
    TextBlock: element(
      {
        text: { type: 'string' },
        color: colors,
        fontType,
        horizontalAlignment,
        isSubtle: { type: 'boolean' },
        maxLines: { type: 'number' },
        size: fontSize,
        weight: fontWeight,
        wrap: { type: 'boolean' },
        style: caseInsensitive(['default', 'heading']),
      },
      ['text'],
    ),
    RichTextBlock: element(
      { inlines: { type: 'array', items: { $ref: '#/definitions/TextRun' } }, horizontalAlignment },
      ['inlines'],
    ),
    TextRun: {
      anyOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: {
            type: { const: 'TextRun' },
            text: { type: 'string' },
            color: colors,
            fontType,
            highlight: { type: 'boolean' },
            isSubtle: { type: 'boolean' },
            italic: { type: 'boolean' },
            size: fontSize,
            strikethrough: { type: 'boolean' },
            underline: { type: 'boolean' },
            weight: fontWeight,
          },
          required: ['text'],
          additionalProperties: false,
        },
      ],
    },
    FactSet: element(
      {
        facts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { title: { type: 'string' }, value: { type: 'string' } },
            required: ['title', 'value'],
            additionalProperties: false,
          },
        },
      },
      ['facts'],
    ),
    Container: element(
      {
        items: elements,
        style: containerStyle,
        bleed: { type: 'boolean' },
        minHeight: { type: 'string' },
        verticalContentAlignment: verticalAlignment,
      },
      ['items'],
    ),
    ColumnSet: element({
      columns: { type: 'array', items: { $ref: '#/definitions/Column' } },
      style: containerStyle,
      bleed: { type: 'boolean' },
      minHeight: { type: 'string' },
      horizontalAlignment,
    }),
    Column: {
      type: 'object',
      properties: {
        type: { const: 'Column' },
        id: { type: 'string' },
        isVisible: { type: 'boolean' },
        items: elements,
        style: containerStyle,
        bleed: { type: 'boolean' },
        minHeight: { type: 'string' },
        separator: { type: 'boolean' },
        spacing,
        verticalContentAlignment: verticalAlignment,
        width,
      },
      additionalProperties: false,
    },
    Image: element(
      {
        url: { type: 'string', minLength: 1 },
        altText: { type: 'string' },
        size: caseInsensitive(['auto', 'stretch', 'small', 'medium', 'large']),
        style: caseInsensitive(['default', 'person']),
        width: { type: 'string', pattern: '^\\d+px$' },
        horizontalAlignment,
        backgroundColor: { type: 'string' },
      },
      ['url'],
    ),
    Table: element({
      columns: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            type: { const: 'TableColumnDefinition' },
            width,
            horizontalCellContentAlignment: horizontalAlignment,
            verticalCellContentAlignment: verticalAlignment,
          },
          additionalProperties: false,
        },
      },
      rows: { type: 'array', items: { $ref: '#/definitions/TableRow' } },
      firstRowAsHeader: { type: 'boolean' },
      showGridLines: { type: 'boolean' },
      gridStyle: containerStyle,
      horizontalCellContentAlignment: horizontalAlignment,
      verticalCellContentAlignment: verticalAlignment,
    }),
    TableRow: {
      type: 'object',
      properties: {
        type: { const: 'TableRow' },
        cells: { type: 'array', items: { $ref: '#/definitions/TableCell' } },
        style: containerStyle,
        horizontalCellContentAlignment: horizontalAlignment,
        verticalCellContentAlignment: verticalAlignment,
      },
      additionalProperties: false,
    },
    TableCell: {
      type: 'object',
      properties: {
        type: { const: 'TableCell' },
        items: elements,
        style: containerStyle,
        verticalContentAlignment: verticalAlignment,
        bleed: { type: 'boolean' },
        minHeight: { type: 'string' },
      },
      required: ['items'],
      additionalProperties: false,
    },
    ActionSet: element({ actions: { type: 'array', items: { $ref: '#/definitions/Action' } } }, ['actions']),
    'Action.Submit': action({
      data: {
        type: 'object',
        properties: { command: { type: 'string', minLength: 1 } },
        required: ['command'],
        additionalProperties: false,
      },
      associatedInputs: caseInsensitive(['auto', 'none']),
    }),
    'Action.ShowCard': action({ card: { $ref: '#/definitions/NestedCard' } }, ['card']),
    'Action.ToggleVisibility': action(
      {
        targetElements: {
          type: 'array',
          minItems: 1,
          items: {
            anyOf: [
              { type: 'string', minLength: 1 },
              {
                type: 'object',
                properties: {
                  type: { const: 'TargetElement' },
                  elementId: { type: 'string' },
                  isVisible: { type: 'boolean' },
                },
                required: ['elementId'],
                additionalProperties: false,
              },
            ],
          },
        },
      },
      ['targetElements'],
    ),
    'Action.OpenUrl': action({ url: { type: 'string', minLength: 1 } }, ['url']),
  },
} as const;
