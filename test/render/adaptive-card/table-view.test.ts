/**
 * Column widths from content: narrow columns stay narrow but never break a word, long ones share the rest.
 */
import { describe, expect, it } from 'vitest';
import { type ColumnTexts, columnWeights } from '../../../src/render/adaptive-card/table-view.js';

const column = (header: string, cells: string[], mono = false, verbatim = false): ColumnTexts => ({
  header,
  cells,
  mono,
  verbatim: cells.map(() => verbatim),
});

describe('columnWeights', () => {
  it('gives a command line column much more room than a severity column, but not all of it', () => {
    const [severity, line] = columnWeights([
      column('Severity', ['High', 'Medium', 'Low']),
      column(
        'Command line',
        ['powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQ', 'cmd /c whoami /all'],
        true,
      ),
    ]);
    expect(line! / severity!).toBeGreaterThan(2);
    expect(line! / severity!).toBeLessThan(8);
  });

  it('never squeezes a column below its longest header word (no "Severi-ty")', () => {
    const weights = columnWeights([
      column('Severity', ['High']),
      column('Same process', ['0']),
      column('Alert', ['x'.repeat(300)]),
      column('Command line', ['y '.repeat(150)], true),
    ]);
    const total = weights.reduce((a, b) => a + b, 0);
    // At the 520 px the weights are solved for: 8 bold characters and the padding.
    expect((weights[0]! / total) * 520).toBeGreaterThanOrEqual(8 * 8 + 22 - 1);
    expect((weights[1]! / total) * 520).toBeGreaterThanOrEqual(7 * 8 + 22 - 1);
  });

  it('keeps room for a long verbatim word (it cannot wrap) and lets wrappable words give way', () => {
    const [id, name] = columnWeights([
      column('Alert id', ['2518547714966107270_90beedae-1285-43d6-8f33-16bc542af39b'], true, true),
      column('Why', ['C:\\Windows\\SysWOW64\\a-very-long-breakable-path-name-here.exe', 'and some words']),
      column('Host', ['MSTICALERTSWIN1']),
      column('Account', ['MSTICAlertsWin1\\MSTICAdmin']),
    ]);
    expect(id!).toBeGreaterThan(name!);
  });

  it('gives equal columns equal widths', () => {
    const weights = columnWeights([column('A', ['one', 'two']), column('B', ['one', 'two'])]);
    expect(weights[0]).toBe(weights[1]);
  });
});
