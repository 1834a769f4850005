import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/section.js';
import { columnWidths, tableToMrkdwn } from '../../../src/render/block-kit/slack-table.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

function table(rows: Record<string, string>[], totalRows = rows.length): TableBlock {
  return {
    kind: 'table',
    columns: [
      { key: 'time', label: 'Time (UTC)' },
      { key: 'name', label: 'Alert' },
      { key: 'id', label: 'Alert id', mono: true },
    ],
    rows,
    totalRows,
  };
}

const rows = Array.from({ length: 40 }, (_, i) => ({
  time: `2019-01-15 05:${String(i).padStart(2, '0')}:20Z`,
  name: i === 3 ? 'Detected suspicious use of FTP -s Switch on a host with a very long name' : `Alert ${i}`,
  id: `2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99f${i % 10}`,
}));

const wide = { pieceChars: 3000, maxPieces: 3 };

/** The lines inside the ``` fences of a piece. */
function linesOf(piece: string): string[] {
  expect(piece.startsWith('```\n') && piece.endsWith('\n```')).toBe(true);
  return piece.slice(4, -4).split('\n');
}

describe('tableToMrkdwn', () => {
  it('aligns every column: each starts at the same position in the header and in every row', () => {
    const { pieces, shownRows } = tableToMrkdwn(table(rows.slice(0, 5)), 50, wide);
    expect(shownRows).toBe(5);
    const [header, rule, ...body] = linesOf(pieces[0]!);
    expect(rule).toMatch(/^─+ {2}─+ {2}─+$/);
    const idStart = header!.indexOf('Alert id');
    for (const line of body) expect(line.indexOf('2518547714843218505')).toBe(idStart);
  });

  it('keeps ids whole by shrinking text columns first, and cuts long cells with an ellipsis', () => {
    const { pieces } = tableToMrkdwn(table(rows), 50, wide);
    const lines = pieces.flatMap(linesOf);
    expect(lines.join('\n')).toContain('2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99f3');
    expect(lines.find((l) => l.includes('Detected suspicious'))).toMatch(/Detected suspicious use of FTP[^…]*… /);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('caps the rows, spreads them over pieces within the limits, and repeats the header in each piece', () => {
    const capped = tableToMrkdwn(table(rows), 12, wide);
    expect(capped.shownRows).toBe(12);
    const small = tableToMrkdwn(table(rows), 50, { pieceChars: 1000, maxPieces: 2 });
    expect(small.pieces).toHaveLength(2);
    for (const piece of small.pieces) {
      expect(piece.length).toBeLessThanOrEqual(1000);
      expect(linesOf(piece)[0]).toMatch(/^Time \(UTC\)/);
    }
    expect(small.shownRows).toBe(small.pieces.flatMap(linesOf).length - 4);
    expect(small.shownRows).toBeLessThan(40);
  });

  it('escapes hostile cells and keeps them on one line inside the fence', () => {
    const hostile = table([{ time: '<!channel>', name: 'a\nb ``` & <@U123>', id: 'x' }]);
    const { pieces } = tableToMrkdwn(hostile, 50, wide);
    const text = pieces.join('\n');
    expect(text).not.toMatch(/<[!@]/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text.match(/```/g)).toHaveLength(2);
    expect(linesOf(pieces[0]!)).toHaveLength(3);
  });

  it('shows a 10 KB cell within one piece', () => {
    const { pieces, shownRows } = tableToMrkdwn(table([{ time: 't', name: 'n', id: 'A'.repeat(10_000) }]), 50, wide);
    expect(shownRows).toBe(1);
    expect(pieces[0]!.length).toBeLessThan(400);
  });
});

describe('columnWidths', () => {
  it('fits the line width by shrinking the widest text column before mono columns', () => {
    const widths = columnWidths(['a', 'b'], [['x'.repeat(40), 'y'.repeat(60)]], [false, true]);
    expect(widths).toEqual([40, 60]);
    const many = columnWidths(
      ['a', 'b', 'c'],
      [['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(60)]],
      [false, false, true],
    );
    expect(many[0]! + many[1]! + many[2]! + 4).toBeLessThanOrEqual(120);
    expect(many[2]).toBe(60);
  });
});
