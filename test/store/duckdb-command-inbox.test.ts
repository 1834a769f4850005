/**
 * The command inbox: what was accepted and not answered is still there after a restart, attempts are counted, and
 * closed or old entries are not handed out again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/data/local/workspace.js';
import type { Actor } from '../../src/policy/actor.js';
import { duckdbCommandInbox, ensureCommandInboxSchema } from '../../src/store/duckdb-command-inbox.js';

const actor: Actor = { channel: 'slack', userId: 'U0123ABCD', conversationId: 'C0123ABCD', tenantId: 'T0123ABCD' };
const at = (iso: string) => new Date(iso);

describe('DuckDB command inbox', () => {
  const dirs: string[] = [];
  const open: Workspace[] = [];
  afterEach(() => {
    for (const workspace of open.splice(0)) workspace.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function inboxIn(dir: string) {
    const workspace = await openWorkspace(dir);
    open.push(workspace);
    await ensureCommandInboxSchema(workspace.connection);
    return { workspace, inbox: duckdbCommandInbox(workspace.connection) };
  }

  it('keeps open commands across a reopen, counts attempts, and hands out only open, recent ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'socbot-inbox-'));
    dirs.push(dir);
    const first = await inboxIn(dir);
    const replyTo = { channel: 'C0123ABCD', threadTs: '1700000000.000100' };
    await first.inbox.accept({
      correlationId: 'a',
      channel: 'slack',
      actor,
      text: 'investigate x',
      replyTo,
      acceptedAt: at('2026-11-27T04:00:00Z'),
    });
    await first.inbox.accept({
      correlationId: 'b',
      channel: 'slack',
      actor,
      text: "help 'quoted'",
      replyTo,
      acceptedAt: at('2026-11-27T04:01:00Z'),
    });
    await first.inbox.accept({
      correlationId: 'old',
      channel: 'slack',
      actor,
      text: 'alerts',
      replyTo,
      acceptedAt: at('2026-11-20T00:00:00Z'),
    });
    await first.inbox.close('b');
    first.workspace.close();
    open.length = 0;

    const second = await inboxIn(dir);
    await second.inbox.accept({
      correlationId: 'a',
      channel: 'slack',
      actor,
      text: 'investigate x',
      replyTo,
      acceptedAt: at('2026-11-27T05:00:00Z'),
    });
    const pending = await second.inbox.open(at('2026-11-27T00:00:00Z'));
    expect(pending).toEqual([
      {
        correlationId: 'a',
        channel: 'slack',
        actor,
        text: 'investigate x',
        replyTo,
        acceptedAt: at('2026-11-27T04:00:00Z'),
        attempts: 2,
      },
    ]);
    await second.inbox.prune(at('2026-11-27T00:00:00Z'));
    expect(await second.inbox.open(at('2000-01-01T00:00:00Z'))).toHaveLength(1);
    await second.inbox.close('a');
    expect(await second.inbox.open(at('2000-01-01T00:00:00Z'))).toEqual([]);
  });
});
