/**
 * How much of a Section a card shows. Teams rejects cards much above 28 KB of JSON, so a card that does not fit
 * is rebuilt with the next, smaller budget: first fewer table rows, then shorter texts. Whatever is left out is
 * counted in the card ("N more rows not shown", "cut to N characters"), never dropped silently.
 */

export interface CardBudget {
  /** Table rows shown at once. */
  visibleRows: number;
  /** Further rows behind a "more rows" toggle. */
  moreRows: number;
  /** Facts in one fact set. */
  facts: number;
  /** Longest table cell or fact value. */
  cellChars: number;
  /** Longest text block. */
  textChars: number;
  /** Longest code block (command lines, the process tree). */
  codeChars: number;
}

/** Budgets from the most generous to the smallest; tables shrink first, then texts. */
export const cardBudgets: readonly CardBudget[] = [
  { visibleRows: 10, moreRows: 40, facts: 30, cellChars: 300, textChars: 3000, codeChars: 8000 },
  { visibleRows: 10, moreRows: 15, facts: 30, cellChars: 300, textChars: 3000, codeChars: 8000 },
  { visibleRows: 10, moreRows: 0, facts: 30, cellChars: 300, textChars: 3000, codeChars: 8000 },
  { visibleRows: 5, moreRows: 0, facts: 20, cellChars: 200, textChars: 3000, codeChars: 8000 },
  { visibleRows: 5, moreRows: 0, facts: 20, cellChars: 120, textChars: 1500, codeChars: 3000 },
  { visibleRows: 3, moreRows: 0, facts: 12, cellChars: 80, textChars: 600, codeChars: 1200 },
  { visibleRows: 1, moreRows: 0, facts: 6, cellChars: 60, textChars: 300, codeChars: 400 },
];

/** Tables this much longer than `visibleRows` are shown whole: a toggle for one or two rows helps nobody. */
export const wholeTableSlack = 2;
