/**
 * `Section`: the channel-neutral view model every command and step returns. Renderers turn Sections into
 * Adaptive Cards, Block Kit or Markdown; nothing here knows which channel will show it.
 */
import type { ErrorCode } from './errors.js';

/** A labelled value, shown as a fact set / field list. */
export interface Fact {
  label: string;
  value: string;
}

/** A table column; `key` indexes the row records, `label` is the header. */
export interface TableColumn {
  key: string;
  label: string;
  /** Render the cells in a monospace font (command lines, paths, hashes). */
  mono?: boolean;
}

/** A chart to draw: renderers turn it into a Chart.js configuration and an image. */
export type ChartSpec =
  | {
      type: 'bar';
      title: string;
      horizontal?: boolean;
      /** Stack the series in one bar per label (e.g. logons by account × logon type) instead of side by side. */
      stacked?: boolean;
      labels: string[];
      series: { name: string; values: number[] }[];
    }
  | {
      type: 'timeline';
      title: string;
      /** One row of dots per series; `at` is the event time. */
      series: { name: string; points: { at: Date; label: string }[] }[];
      /** A vertical marker, e.g. the alert time. */
      marker?: { at: Date; label: string };
    }
  | {
      type: 'line';
      title: string;
      series: { name: string; points: { at: Date; value: number }[] }[];
    }
  | {
      /** Box plots, one row per label (msticpy's "Variability of Commandline Tokens" / "Variability of Path"). */
      type: 'box';
      title: string;
      labels: string[];
      /** `samples[i]` are the values for `labels[i]`; several series draw side by side (the notebook's hue). */
      series: { name: string; samples: number[][] }[];
      /** What the values measure, shown on the value axis. */
      valueLabel?: string;
    };

/** A graph to lay out (entity graph, process tree): renderers turn it into DOT and an image. */
export interface GraphSpec {
  title: string;
  nodes: { id: string; label: string; kind: string; highlight?: boolean }[];
  edges: { from: string; to: string; label?: string }[];
}

/** A drawn chart or graph: where the image is and how to describe it to people who cannot see it. */
export interface ImageRef {
  url: string;
  alt: string;
  width: number;
  height: number;
}

/** One part of a Section's body. */
export type Block =
  | { kind: 'facts'; facts: Fact[] }
  | { kind: 'text'; markdown: string }
  | { kind: 'code'; text: string }
  | { kind: 'table'; columns: TableColumn[]; rows: Record<string, string>[]; totalRows: number }
  | { kind: 'chart'; chart: ChartSpec; image?: ImageRef }
  | { kind: 'graph'; graph: GraphSpec; image?: ImageRef }
  /** A document to hand over as a file (`export`): channels attach or upload it, the CLI prints it. */
  | { kind: 'attachment'; fileName: string; mimeType: string; content: string };

/** A follow-up button: a command to run, shown with a label. */
export interface NextAction {
  label: string;
  /** The command text the button runs, exactly as a user would type it (`tree <alertId>`). */
  command: string;
  style?: 'primary' | 'default';
}

/** How a Section turned out. */
export type SectionStatus = 'ok' | 'empty' | 'skipped' | 'failed';

/** The problem behind a failed or skipped Section, safe to show to users. */
export interface SectionProblem {
  code: ErrorCode | 'Unexpected';
  message: string;
  hint?: string;
  /** Set for unexpected errors: the id that is also in the server log. */
  correlationId?: string;
}

/** One answer unit: an alert summary, a process tree, a list of alerts, an error… */
export interface Section {
  /** What produced it (`alert-summary`, `alerts`, `help`, `error`…); renderers may style by it. */
  id: string;
  title: string;
  status: SectionStatus;
  /** One line under the title. */
  subtitle?: string;
  /** Visual weight: `attention` for high severity or failures, `good` for benign findings. */
  tone?: 'default' | 'attention' | 'warning' | 'good' | 'accent';
  blocks: Block[];
  actions: NextAction[];
  /** Things the user should know about this answer (truncated results, parse warnings). */
  warnings: string[];
  problem?: SectionProblem;
  /**
   * Asks for the answer's other Sections as one document (`export`). The core's composition turns it into an
   * `attachment` block with the renderers, so commands never render; channels only ever see the attachment.
   */
  documentRequest?: DocumentRequest;
}

/** What `export` asks the renderers for: the answer as one document in `format`. */
export interface DocumentRequest {
  format: 'md' | 'html' | 'json';
  alertId: string;
  /** The alert's name, for the document's title. */
  title: string;
  exportedAt: Date;
}

/** Builds a Section with empty defaults filled in. */
export function section(init: Pick<Section, 'id' | 'title'> & Partial<Section>): Section {
  return { status: 'ok', blocks: [], actions: [], warnings: [], ...init };
}

/** A failed Section that explains a problem. */
export function problemSection(id: string, title: string, problem: SectionProblem): Section {
  return section({ id, title, status: 'failed', tone: 'attention', problem });
}
