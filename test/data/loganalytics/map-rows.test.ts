/**
 * Cell and row mapping from Log Analytics tables to socbot rows (the wire values after the SDK's own conversions).
 */
import { describe, expect, it } from 'vitest';
import { convertCell, tableToRows } from '../../../src/data/loganalytics/map-rows.js';

describe('convertCell', () => {
  it('maps each Kusto type to the row value socbot uses', () => {
    const at = new Date('2019-01-15T05:15:20.123Z');
    expect(convertCell(at, 'datetime')).toBe(at);
    expect(convertCell('2019-01-15T05:15:20.1234567Z', 'datetime')).toEqual(at);
    expect(convertCell('not a date', 'datetime')).toBeNull();
    expect(convertCell(4688, 'int')).toBe(4688);
    expect(convertCell('12', 'long')).toBe(12);
    expect(convertCell(0.5, 'real')).toBe(0.5);
    expect(convertCell(true, 'bool')).toBe(true);
    expect(convertCell(0, 'bool')).toBe(false);
    expect(convertCell('True', 'bool')).toBe(true);
    expect(convertCell('', 'string')).toBeNull();
    expect(convertCell('  ', 'string')).toBe('  ');
    expect(convertCell('74be27de-1e4e-49d9-b579-fe0b331d3642', 'guid')).toBe('74be27de-1e4e-49d9-b579-fe0b331d3642');
    expect(convertCell(null, 'int')).toBeNull();
  });

  it('turns dynamic values (parsed by the SDK) back into JSON text, as Sentinel stores Entities', () => {
    expect(convertCell([{ $id: '1', Type: 'host' }], 'dynamic')).toBe('[{"$id":"1","Type":"host"}]');
    expect(convertCell({ 'Compromised Host': 'H' }, 'dynamic')).toBe('{"Compromised Host":"H"}');
    expect(convertCell('not json', 'dynamic')).toBe('not json');
  });
});

describe('tableToRows', () => {
  const table = {
    columnDescriptors: [
      { name: 'Computer', type: 'string' },
      { name: 'EventID', type: 'long' },
      { name: 'LogonType', type: 'string' },
      { name: 'Extra', type: 'string' },
    ],
    rows: [['H1', 4624, '3', 'x']],
  };

  it('gives event rows every SecurityEvent column in its socbot kind, and no others', () => {
    const [row] = tableToRows(table, true);
    expect(row).toMatchObject({ Computer: 'H1', EventID: 4624, LogonType: 3, CommandLine: null });
    expect(Object.keys(row!)).toHaveLength(45);
    expect(row).not.toHaveProperty('Extra');
  });

  it('keeps alert-shaped rows as the query returned them', () => {
    expect(tableToRows(table, false)).toEqual([{ Computer: 'H1', EventID: 4624, LogonType: '3', Extra: 'x' }]);
    expect(tableToRows(undefined, false)).toEqual([]);
  });
});
