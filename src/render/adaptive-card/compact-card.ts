/**
 * Drops properties that only restate Adaptive Card defaults (`"color": "Default"`, `"highlight": false`…). The
 * templates bind every property so one template serves every variant; the card sent is smaller by a third for
 * big tables, and Teams counts bytes.
 */

/** Property values that equal the schema default, by property name. */
const defaults: Record<string, unknown> = {
  color: 'Default',
  weight: 'Default',
  fontType: 'Default',
  size: 'Default',
  highlight: false,
  isSubtle: false,
  style: 'default',
};

/** A copy of `value` without default-valued properties, at any depth. */
export function compactCard(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactCard);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key, item]) => !(key in defaults && defaults[key] === item));
  return Object.fromEntries(entries.map(([key, item]) => [key, compactCard(item)]));
}
