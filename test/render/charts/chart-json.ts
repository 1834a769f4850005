/**
 * Test helper: read into a chart configuration by path (`options.scales.y.labels`, `data.datasets.0.data`),
 * after a JSON round trip, which also proves the configuration is plain JSON.
 */
import type { SocbotChartConfig } from '../../../src/render/charts/chart-config.js';

/** The configuration as parsed JSON. */
export function asJson(config: SocbotChartConfig): unknown {
  return JSON.parse(JSON.stringify(config));
}

/** The value at a dotted path, or undefined. */
export function dig(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

/** The value at a path, which must be an array. */
export function digArray(value: unknown, path: string): unknown[] {
  const found = dig(value, path);
  if (!Array.isArray(found)) throw new Error(`${path} is not an array: ${JSON.stringify(found)?.slice(0, 200)}`);
  return found;
}
