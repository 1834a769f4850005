/**
 * Slack: `export <id> md` answers in the thread and uploads the document itself as a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, someAlertId, startSlackHarness } from './slack-harness.js';
import { sendToSlackEvents, slashCommand } from './slack-requests.js';

describe('Slack: export', () => {
  let h: SlackHarness;
  let alertId: string;

  beforeAll(async () => {
    h = await startSlackHarness();
    alertId = await someAlertId(h.socbot);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uploads the exported Markdown document into the thread', async () => {
    const response = await sendToSlackEvents(
      h.baseUrl,
      slashCommand(`export ${alertId} md`, {
        user: 'U0ANALYST',
        channel: 'C0SOC',
        responseUrl: h.fake.responseUrl('x'),
      }),
    );
    expect(response.status).toBe(200);
    await h.slack.idle();
    const documents = h.fake.uploads.filter(
      (upload) => upload.bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a',
    );
    expect(documents).toHaveLength(1);
    const text = documents[0]!.bytes.toString('utf8');
    expect(text).toContain(alertId);
    expect(text).toMatch(/^# |^## /m);
    const [entry] = await h.socbot.audit.recent(1);
    expect(entry).toMatchObject({ command: `export ${alertId} md`, outcome: 'answered' });
  });
});
