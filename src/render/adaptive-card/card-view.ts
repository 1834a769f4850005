/**
 * The data the card templates in `cards/` bind to (`${…}`): plain, JSON-ready view objects built from Sections by
 * the pure view functions beside this file. Every field a template reads is always present (an absent field would
 * stay a literal `${…}` in the card), so optional things are empty strings or empty arrays.
 */

/** Adaptive Card text colours. */
export type CardColor = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

/** Adaptive Card container styles (band and callout backgrounds). */
export type ContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'warning' | 'attention';

/**
 * One line of monospace text. `verbatim` lines (text Markdown would change) go into a TextRun; the others into a
 * wrapping TextBlock, which breaks long words (a TextRun does not). The process tree highlights the alert process.
 */
export interface CodeLineView {
  text: string;
  verbatim: boolean;
  highlight: boolean;
  weight: 'Default' | 'Bolder';
  color: CardColor;
}

/** One table cell: a wrapping TextBlock, or a TextRun when Markdown would change the text (`verbatim`). */
export interface CellView {
  text: string;
  verbatim: boolean;
  font: 'Default' | 'Monospace';
  color: CardColor;
  weight: 'Default' | 'Bolder';
}

export interface RowView {
  cells: CellView[];
}

/** A label and a value: facts, stat tiles. */
export interface FactView {
  title: string;
  value: string;
}

export interface TileView {
  label: string;
  value: string;
}

/** A table: the first rows shown, the next ones behind a "more rows" toggle, the rest counted in `note`. */
export interface TableView {
  kind: 'table';
  columns: { width: number }[];
  header: { text: string }[];
  rows: RowView[];
  moreRows: RowView[];
  /** Element id of the hidden table of `moreRows`, unique in the card. */
  moreId: string;
  moreLabel: string;
  note: string;
}

/** A piece of verbatim text in a record (a TextRun). */
export interface RunView {
  text: string;
  font: 'Default' | 'Monospace';
  weight: 'Default' | 'Bolder';
  color: CardColor;
  subtle: boolean;
}

/** One table row as a record: its first cell as a title, the other cells as "label value" runs below. */
export interface RecordView {
  title: RunView[];
  details: RunView[];
}

/** A table too wide for the card's columns, shown as a list of records; rows split as in `TableView`. */
export interface RecordsView {
  kind: 'records';
  records: RecordView[];
  moreRecords: RecordView[];
  moreId: string;
  moreLabel: string;
  note: string;
}

/** One part of a card body; `note` says what was left out ('' when nothing). */
export type BlockView =
  | { kind: 'facts'; facts: FactView[]; note: string }
  | { kind: 'text'; text: string; note: string }
  | { kind: 'callout'; text: string; style: ContainerStyle; note: string }
  | { kind: 'code'; lines: CodeLineView[]; note: string }
  | TableView
  | RecordsView
  | { kind: 'image'; url: string; alt: string; note: string }
  | { kind: 'attachment'; fileName: string; details: string; note: string };

/** A button that runs a command. */
export interface ActionView {
  title: string;
  style: 'default' | 'positive';
  command: string;
}

/** What went wrong, for problem Sections ('' fields when there is no problem). */
export interface ProblemView {
  message: string;
  hint: string;
  code: string;
  reference: string;
}

/** The coloured band at the top of alert and verdict cards. */
export interface BandView {
  style: ContainerStyle;
  color: CardColor;
  label: string;
}

/** Fields every Section template reads. */
export interface CardViewBase {
  title: string;
  titleColor: CardColor;
  subtitle: string;
  warnings: string[];
  problem: ProblemView;
  blocks: BlockView[];
  actions: ActionView[];
  /** Actions beyond what fits in the action bar, behind "More…". */
  moreActions: ActionView[];
  /** Text size in table cells. */
  cellSize: 'Small' | 'Default';
}

/** A template name (a file in `cards/`) and the data to expand it with. */
export type CardView =
  | { template: 'generic' | 'error'; data: CardViewBase }
  | { template: 'table'; data: CardViewBase & { summary: TileView[] } }
  | { template: 'alert-summary'; data: CardViewBase & { band: BandView; facts: FactView[]; commandLines: BlockView[] } }
  | {
      template: 'process-tree';
      data: CardViewBase & { statRows: { tiles: TileView[] }[]; trees: (BlockView & { caption: string })[] };
    }
  | { template: 'verdict'; data: CardViewBase & { band: BandView; score: string } }
  | { template: 'help'; data: CardViewBase & { commands: { usage: string; summary: string }[] } };

/** Names of the Section templates in `cards/`. */
export type SectionTemplateName = CardView['template'];
