/**
 * Start-up answers what a previous run left unanswered: recent open commands go back to their channel with a note,
 * a command that already cut two runs short is given up (and its asker told), channels that are off keep theirs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resumeOpenCommands } from '../../src/channels/resume-commands.js';
import type { Section } from '../../src/core/section.js';
import { openWorkspace, type Workspace } from '../../src/data/local/workspace.js';
import { createLogger } from '../../src/logger.js';
import type { AcceptedCommand } from '../../src/store/command-inbox.js';
import { duckdbCommandInbox, ensureCommandInboxSchema } from '../../src/store/duckdb-command-inbox.js';

const now = new Date('2026-11-27T05:00:00Z');
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);

describe('resumeOpenCommands', () => {
  let workspace: Workspace | undefined;
  afterEach(() => workspace?.close());

  it('reruns recent open commands once more, gives up repeat offenders, and leaves other channels’ alone', async () => {
    workspace = await openWorkspace(':memory:');
    await ensureCommandInboxSchema(workspace.connection);
    const inbox = duckdbCommandInbox(workspace.connection);
    const accept = (correlationId: string, channel: 'slack' | 'teams', text: string, acceptedAt: Date) =>
      inbox.accept({
        correlationId,
        channel,
        actor: { channel, userId: 'U1', conversationId: 'C1' },
        text,
        replyTo: { channel: 'C1' },
        acceptedAt,
      });
    await accept('fresh', 'slack', 'investigate a1', minutesAgo(5));
    await accept('twice', 'slack', 'processes host BIG', minutesAgo(10));
    await accept('twice', 'slack', 'processes host BIG', minutesAgo(10));
    await accept('stale', 'slack', 'alerts', minutesAgo(24 * 60));
    await accept('teams', 'teams', 'help', minutesAgo(1));

    const seen: { command: AcceptedCommand; notice: Section; rerun: boolean }[] = [];
    const resumed = await resumeOpenCommands({
      inbox,
      channels: { slack: async (command, notice, rerun) => void seen.push({ command, notice, rerun }) },
      log: createLogger('silent'),
      now,
    });

    expect(resumed).toBe(2);
    expect(seen.map((s) => [s.command.correlationId, s.rerun])).toEqual([
      ['twice', false],
      ['fresh', true],
    ]);
    expect(seen[0]?.notice.problem?.message).toContain('`processes host BIG`');
    expect(seen[1]?.notice.title).toBe('Answering after a restart');
    // Given up: closed. Rerun: still open until its channel answers it. Teams is off in this run: still open.
    const open = await inbox.open(minutesAgo(60));
    expect(open.map((c) => c.correlationId).sort()).toEqual(['fresh', 'teams']);
  });
});
