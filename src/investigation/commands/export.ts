/**
 * `export <alertId> [md|html|json]`: the whole investigation as one document. Runs `investigate` (progress is
 * reported as for `investigate`), then answers with its Sections and a last `export` Section that asks for them as
 * a document; the core's composition has the renderers fulfil it (an attachment block), which channels attach or
 * upload and the CLI prints.
 */
import type { Command } from '../../core/command.js';
import { type Section, section } from '../../core/section.js';
import type { CommandContext } from '../context.js';
import { investigate } from './investigate.js';

type ExportCommand = Extract<Command, { name: 'export' }>;

const formats: readonly ExportCommand['format'][] = ['md', 'html', 'json'];
const formatLabels: Record<ExportCommand['format'], string> = { md: 'Markdown', html: 'HTML', json: 'JSON' };

/** The alert's name as the investigation header shows it (`Investigating <name>`). */
function alertTitle(sections: readonly Section[], alertId: string): string {
  const header = sections.find((s) => s.id === 'investigation');
  return header?.title.replace(/^Investigating /, '') || alertId;
}

/** The Section that asks for the document of `sections`, and offers the other formats. */
export function exportSection(sections: readonly Section[], command: ExportCommand, exportedAt: Date): Section {
  const title = alertTitle(sections, command.alertId);
  return section({
    id: 'export',
    title: `Export: ${title}`,
    documentRequest: { format: command.format, alertId: command.alertId, title, exportedAt },
    actions: formats
      .filter((format) => format !== command.format)
      .map((format) => ({ label: `As ${formatLabels[format]}`, command: `export ${command.alertId} ${format}` })),
  });
}

/** Runs `export <alertId> [format]`. */
export async function exportCommand(command: ExportCommand, ctx: CommandContext): Promise<Section[]> {
  const sections = await investigate(command.alertId, ctx, ctx.onProgress);
  return [...sections, exportSection(sections, command, ctx.now())];
}
