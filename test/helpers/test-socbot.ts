/**
 * A real socbot core on a throw-away workspace directory, for end-to-end tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSocbot, type Socbot } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

export interface TestSocbot extends Socbot {
  dataDir: string;
}

/** Creates socbot with its demo workspace (small) in a temporary directory; `env` adds settings (e.g. VirusTotal). */
export async function createTestSocbot(
  options: { events?: number; now?: Date; env?: Record<string, string> } = {},
): Promise<TestSocbot> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'socbot-test-'));
  const config = loadConfig({
    ...options.env,
    SOCBOT_DATA_DIR: dataDir,
    SOCBOT_DEMO_EVENTS: String(options.events ?? 20_000),
  });
  const now = options.now;
  const socbot = await createSocbot(config, createLogger('silent'), {
    bootstrapDemo: true,
    ...(now ? { now: () => now } : {}),
  });
  return {
    ...socbot,
    dataDir,
    async close() {
      await socbot.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
