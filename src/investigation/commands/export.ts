/**
 * `export <alertId> [md|html|json]`: the whole investigation as one document. Runs `investigate` (progress is
 * reported as for `investigate`), then answers with its Sections and a last `export` Section whose attachment
 * block carries the document — channels attach or upload it, the CLI prints it.
 */
import type { Command } from '../../core/command.js';
import { type Section, section } from '../../core/section.js';
import { formatBytes, utf8Bytes } from '../../render/export/byte-size.js';
import { type ExportFormat, exportDocument, formatNames } from '../../render/export/export-document.js';
import type { CommandContext } from '../context.js';
import { investigate } from './investigate.js';

type ExportCommand = Extract<Command, { name: 'export' }>;

const formats: readonly ExportFormat[] = ['md', 'html', 'json'];

/** The alert's name as the investigation header shows it (`Investigating <name>`). */
function alertTitle(sections: readonly Section[], alertId: string): string {
  const header = sections.find((s) => s.id === 'investigation');
  return header?.title.replace(/^Investigating /, '') || alertId;
}

/** The Section that hands the document over. */
export function exportSection(sections: readonly Section[], command: ExportCommand, exportedAt: Date): Section {
  const title = alertTitle(sections, command.alertId);
  const document = exportDocument(sections, command.format, { alertId: command.alertId, title, exportedAt });
  return section({
    id: 'export',
    title: `Export: ${title}`,
    subtitle: `${formatNames[command.format]} · ${formatBytes(utf8Bytes(document.content))} · ${sections.length} sections`,
    blocks: [{ kind: 'attachment', ...document }],
    actions: formats
      .filter((format) => format !== command.format)
      .map((format) => ({ label: `As ${formatNames[format]}`, command: `export ${command.alertId} ${format}` })),
  });
}

/** Runs `export <alertId> [format]`. */
export async function exportCommand(command: ExportCommand, ctx: CommandContext): Promise<Section[]> {
  const sections = await investigate(command.alertId, ctx, ctx.onProgress);
  return [...sections, exportSection(sections, command, ctx.now())];
}
