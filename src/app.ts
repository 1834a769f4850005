/**
 * The composition root of socbot's core: opens the workspace, picks the data provider, and exposes
 * `answer(text)`. The server and the CLI both build on it.
 */
import path from 'node:path';
import type { Config } from './config.js';
import type { Section } from './core/section.js';
import { createLocalProvider } from './data/local/local-provider.js';
import { countRows, openWorkspace, type Workspace } from './data/local/workspace.js';
import { ensureDemoWorkspace } from './data/local/write-demo-workspace.js';
import { createLogAnalyticsProvider } from './data/loganalytics/loganalytics-provider.js';
import type { DataProvider } from './data/provider.js';
import { createThreatIntel } from './enrich/create-threat-intel.js';
import { answer } from './investigation/answer.js';
import type { ProgressEvent } from './investigation/playbook.js';
import type { Logger } from './logger.js';
import type { Actor } from './policy/actor.js';
import type { AuditLog } from './policy/audit.js';
import { DocumentStore } from './render/documents/document-store.js';
import { fulfilDocumentRequests } from './render/export/fulfil-document-requests.js';
import { attachImages } from './render/images/attach-images.js';
import { ImageStore } from './render/images/image-store.js';
import type { DigestStore } from './schedule/digest-store.js';
import { openDigests } from './schedule/open-digests.js';
import type { CommandInbox } from './store/command-inbox.js';
import type { ConversationStore } from './store/conversation-store.js';
import { duckdbCommandInbox, ensureCommandInboxSchema } from './store/duckdb-command-inbox.js';
import { duckdbAuditLog, duckdbConversationStore, ensureStoreSchema } from './store/duckdb-store.js';

export interface Socbot {
  provider: DataProvider;
  answer(
    text: string,
    meta: { correlationId: string; signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void; actor?: Actor },
  ): Promise<Section[]>;
  health(): Promise<Record<string, unknown>>;
  /** Every command, who asked and how it went. */
  audit: AuditLog;
  /** Where channels keep what they need to post later. */
  conversations: ConversationStore;
  /** Commands accepted and not yet answered, answered at the next start if a crash cut them short. */
  inbox: CommandInbox;
  /** Digest subscriptions and their due runs (the scheduler in main.ts posts them). */
  digests: DigestStore;
  /** Chart and graph images: drawn on demand, kept content-addressed, served by the bot. */
  images: { store: ImageStore; attach(sections: Section[]): Promise<Section[]> };
  /** Exported documents kept for download where a chat cannot take a file (Teams, the local chat page). */
  documents: DocumentStore;
  close(): Promise<void>;
}

export interface SocbotOptions {
  /** Generate the demo workspace when the local store is empty (npm start does; the CLI's `ask` does not). */
  bootstrapDemo?: boolean;
  /** Injected clock for tests. */
  now?: () => Date;
}

/** Builds socbot's core from configuration. */
export async function createSocbot(config: Config, log: Logger, options: SocbotOptions = {}): Promise<Socbot> {
  const workspace: Workspace = await openWorkspace(config.SOCBOT_DATA_DIR);
  // The workspace file also holds socbot's own state (audit, conversations), whichever provider answers queries.
  if (options.bootstrapDemo && config.SOCBOT_PROVIDER === 'local') {
    await ensureDemoWorkspace(workspace, { events: config.SOCBOT_DEMO_EVENTS, seed: config.SOCBOT_DEMO_SEED }, log);
  }
  await ensureStoreSchema(workspace.connection);
  await ensureCommandInboxSchema(workspace.connection);
  const digests = await openDigests(workspace.connection, config);
  // Built only when VIRUSTOTAL_API_KEY is set; its answers are cached in the workspace file.
  const intel = await createThreatIntel(config, workspace.connection, {
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  const provider =
    config.SOCBOT_PROVIDER === 'loganalytics'
      ? createLogAnalyticsProvider(config, { log })
      : createLocalProvider(workspace);
  const now = options.now ?? (() => new Date());
  const store = new ImageStore({ directory: path.join(config.SOCBOT_DATA_DIR, 'images') });
  const imageOptions = {
    store,
    // Without a public URL the local chat page loads images relative to itself.
    baseUrl: config.PUBLIC_BASE_URL ?? '',
    ...(config.QUICKCHART_URL ? { quickChartUrl: config.QUICKCHART_URL } : {}),
    onError: (error: unknown, title: string) => log.warn({ err: error, image: title }, 'image could not be drawn'),
  };
  return {
    audit: duckdbAuditLog(workspace.connection),
    conversations: duckdbConversationStore(workspace.connection),
    inbox: duckdbCommandInbox(workspace.connection),
    digests: digests.store,
    images: { store, attach: (sections) => attachImages(sections, imageOptions) },
    documents: new DocumentStore(),
    provider,
    answer: (text, meta) =>
      answer(text, {
        data: provider,
        now,
        log,
        correlationId: meta.correlationId,
        ...(meta.signal ? { signal: meta.signal } : {}),
        ...(meta.onProgress ? { onProgress: meta.onProgress } : {}),
        ...(intel ? { intel } : {}),
        ...(meta.actor ? { actor: meta.actor } : {}),
        ...(digests.commands ? { digests: digests.commands } : {}),
      }).then(fulfilDocumentRequests),
    async health() {
      return {
        provider: provider.id,
        threatIntel: intel ? intel.provider.name : 'off',
        ...(provider.id === 'local' ? { workspace: await countRows(workspace.connection) } : {}),
      };
    },
    async close() {
      await provider.close();
      workspace.close();
    },
  };
}
