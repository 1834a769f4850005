/**
 * `help`: the command list with examples, or one command's details. Also the answer to anything unparseable.
 */
import { commandSpecs } from '../../core/command.js';
import { commandNameOf } from '../../core/parse-command.js';
import { type Section, section } from '../../core/section.js';

/** The help Section; `topic` narrows it to one command. */
export function helpSections(topic?: string): Section[] {
  const name = topic ? commandNameOf(topic) : undefined;
  const spec = commandSpecs.find((s) => s.name === name);
  if (spec) {
    return [
      section({
        id: 'help',
        title: `Help: ${spec.name}`,
        subtitle: spec.summary,
        blocks: [
          { kind: 'code', text: spec.usage },
          { kind: 'text', markdown: `Examples:\n${spec.examples.map((e) => `- \`${e}\``).join('\n')}` },
        ],
        actions: [{ label: 'All commands', command: 'help' }],
      }),
    ];
  }
  return [
    section({
      id: 'help',
      title: 'socbot commands',
      subtitle: topic
        ? `There is no command "${topic.slice(0, 40)}"; here is what I can do.`
        : 'Triage Sentinel alerts from this channel.',
      blocks: [
        {
          kind: 'table',
          columns: [
            { key: 'usage', label: 'Command', mono: true },
            { key: 'summary', label: 'What it does' },
          ],
          rows: commandSpecs.map((s) => ({ usage: s.usage, summary: s.summary })),
          totalRows: commandSpecs.length,
        },
      ],
      actions: [
        { label: 'Recent alerts', command: 'alerts', style: 'primary' },
        { label: 'High severity, 7 days', command: 'alerts last 7d severity high' },
      ],
    }),
  ];
}
