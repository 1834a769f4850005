/**
 * How one command answers in a Slack thread: one message per Section (Block Kit), chart images uploaded into the
 * thread when they have no public URL, and one progress message posted once, then updated in place.
 */
import type { ImageRef, Section } from '../../core/section.js';
import type { Logger } from '../../logger.js';
import { progressMessage, sectionToSlackMessage } from '../../render/block-kit/render-slack.js';
import type { ImageStore } from '../../render/images/image-store.js';
import type { ChannelReply } from '../handle-inbound.js';
import type { SlackContent, SlackPlace, SlackSender, SlackUpload } from './slack-sender.js';

type ProgressUpdate = Parameters<ChannelReply['progress']>[0];

/** The image id in a bot-served chart URL (`/charts/<id>.png`, relative or under any base). */
const servedImagePattern = /\/charts\/([a-f0-9]{32})\.png$/;

/** A chart or graph served by this bot, as the file to upload to Slack (`undefined`: not one of ours, or gone). */
export function imageUploadOf(image: ImageRef, images: ImageStore): SlackUpload | undefined {
  const id = servedImagePattern.exec(image.url)?.[1];
  const png = id ? images.get(id) : undefined;
  if (!png) return undefined;
  return { png, filename: `socbot-${id}.png`, title: image.alt.slice(0, 250), alt: image.alt.slice(0, 1000) };
}

/** Where a thread reply gets what it needs. */
export interface ThreadReplyDeps {
  sender: SlackSender;
  images: ImageStore;
  log: Logger;
}

/** A `ChannelReply` into one Slack thread; with no thread yet, its first message starts one. */
export class ThreadReply implements ChannelReply {
  #threadTs: string | undefined;
  #progressTs: Promise<string | undefined> | undefined;
  #latestProgress: ProgressUpdate | undefined;
  #progressQueued = false;
  #progressDone: Promise<void> = Promise.resolve();

  constructor(
    private readonly place: SlackPlace,
    private readonly correlationId: string,
    private readonly deps: ThreadReplyDeps,
  ) {
    this.#threadTs = place.threadTs;
  }

  /** The thread's `ts` (known once a first message is posted when the reply started without one). */
  get threadTs(): string | undefined {
    return this.#threadTs;
  }

  async post(sections: Section[]): Promise<void> {
    for (const section of sections) {
      const message = sectionToSlackMessage(section);
      const ts = await this.#postInThread({ text: message.text, blocks: message.blocks });
      for (const image of message.pendingImages) await this.#upload(image, ts);
      for (const block of section.blocks) if (block.kind === 'attachment') await this.#uploadDocument(block, ts);
    }
  }

  /**
   * Shows progress without waiting for Slack: updates coalesce, so a burst of steps costs one `chat.update`, and
   * section messages never queue behind progress. `settled()` waits for the last one.
   */
  progress(update: ProgressUpdate): Promise<void> {
    this.#latestProgress = update;
    if (!this.#progressTs) {
      this.#progressTs = this.#postInThread(this.#progressContent(update));
      this.#latestProgress = undefined;
      this.#progressDone = this.#progressTs.then(() => undefined);
      return Promise.resolve();
    }
    if (!this.#progressQueued) {
      this.#progressQueued = true;
      const progressTs = this.#progressTs;
      this.#progressDone = this.#progressDone.then(async () => {
        const ts = await progressTs;
        this.#progressQueued = false;
        const latest = this.#latestProgress;
        this.#latestProgress = undefined;
        if (ts && latest) {
          await this.deps.sender.update(this.place.channel, ts, this.#progressContent(latest), this.correlationId);
        }
      });
    }
    return Promise.resolve();
  }

  /** Resolves when every progress update has been sent (or logged as lost). */
  async settled(): Promise<void> {
    await this.#progressDone;
  }

  #progressContent(update: ProgressUpdate): SlackContent {
    const message = progressMessage(update.title, update.done, update.total, update.current);
    return { text: message.text, blocks: message.blocks };
  }

  async #postInThread(content: SlackContent): Promise<string | undefined> {
    // Without a thread yet, the progress message (posted first) starts it: wait for its ts.
    if (this.#threadTs === undefined && this.#progressTs) await this.#progressTs;
    const place = { channel: this.place.channel, ...(this.#threadTs ? { threadTs: this.#threadTs } : {}) };
    const ts = await this.deps.sender.post(place, content, this.correlationId);
    if (this.#threadTs === undefined && ts) this.#threadTs = ts;
    return ts;
  }

  /** An exported document (`export <id> md|html|json`) goes into the thread as a file. */
  async #uploadDocument(
    document: Extract<Section['blocks'][number], { kind: 'attachment' }>,
    messageTs: string | undefined,
  ) {
    const threadTs = this.#threadTs ?? messageTs;
    if (!threadTs) return;
    await this.deps.sender.upload(
      { channel: this.place.channel, threadTs },
      {
        png: Buffer.from(document.content, 'utf8'),
        filename: document.fileName,
        title: document.fileName,
        alt: document.mimeType,
      },
      this.correlationId,
    );
  }

  async #upload(image: ImageRef, messageTs: string | undefined): Promise<void> {
    const upload = imageUploadOf(image, this.deps.images);
    const threadTs = this.#threadTs ?? messageTs;
    if (!upload || !threadTs) {
      this.deps.log.warn({ correlationId: this.correlationId, image: image.url }, 'chart image could not be uploaded');
      return;
    }
    await this.deps.sender.upload({ channel: this.place.channel, threadTs }, upload, this.correlationId);
  }
}
