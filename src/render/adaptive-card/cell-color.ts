/**
 * Colours of values that carry meaning: severities, and verdict weights (+ suspicious, − reassuring).
 */
import type { TableColumn } from '../../core/section.js';
import type { CardColor } from './card-view.js';

const severityColors: Record<string, CardColor> = { high: 'Attention', medium: 'Warning', low: 'Accent' };

/** The text colour of an alert severity (`High` in attention red…). */
export function severityColor(severity: string): CardColor {
  return severityColors[severity.toLowerCase()] ?? 'Default';
}

/** The text colour of a value in `column`. */
export function cellColor(column: TableColumn, text: string): CardColor {
  if (/severity/i.test(column.key) || /^severity$/i.test(column.label)) {
    return severityColor(text);
  }
  if (column.key === 'points') {
    if (text.startsWith('+')) return 'Attention';
    if (text.startsWith('−') || text.startsWith('-')) return 'Good';
  }
  return 'Default';
}
