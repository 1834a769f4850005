/**
 * Every write socbot makes to Slack: paced per channel, retried by the Web API client (429 + Retry-After, network
 * errors), and, when it still fails, logged with the command's correlation id instead of lost silently.
 */
import type { types, webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { ChannelPacer } from './channel-pacer.js';

/** A message's content: fallback text (mrkdwn) and Block Kit blocks. */
export interface SlackContent {
  text: string;
  blocks?: (types.KnownBlock | types.Block)[];
}

/** Where a message goes: a channel, and the thread in it (none for a new top-level message). */
export interface SlackPlace {
  channel: string;
  threadTs?: string;
}

/** An image to upload into a thread. */
export interface SlackUpload {
  /** The file's bytes: a chart PNG, or an exported document. */
  png: Buffer;
  filename: string;
  title: string;
  alt: string;
}

/** Writes to Slack for one command; every method resolves (failures are logged), so one lost message stops nothing. */
export class SlackSender {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly pacer: ChannelPacer,
    private readonly log: Logger,
  ) {}

  /** Posts a message; its `ts`, or `undefined` when Slack would not take it. */
  async post(place: SlackPlace, content: SlackContent, correlationId: string): Promise<string | undefined> {
    const result = await this.#call('chat.postMessage', place.channel, correlationId, () =>
      this.client.chat.postMessage({
        channel: place.channel,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        text: content.text,
        ...(content.blocks ? { blocks: content.blocks } : {}),
        // Links in alert data must not unfurl: they may point at attacker infrastructure.
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    return result?.ts;
  }

  /** Replaces the content of message `ts` (the progress message). */
  async update(channel: string, ts: string, content: SlackContent, correlationId: string): Promise<boolean> {
    // chat.update is rate-limited per app, not per channel: it gets a lane of its own, so it never delays posts.
    const result = await this.#call('chat.update', `${channel}/updates`, correlationId, () =>
      this.client.chat.update({
        channel,
        ts,
        text: content.text,
        ...(content.blocks ? { blocks: content.blocks } : {}),
      }),
    );
    return result !== undefined;
  }

  /** Uploads a PNG into a thread (`files.uploadV2`: upload URL, upload, complete). */
  async upload(place: SlackPlace & { threadTs: string }, file: SlackUpload, correlationId: string): Promise<boolean> {
    const result = await this.#call('files.uploadV2', place.channel, correlationId, () =>
      this.client.files.uploadV2({
        channel_id: place.channel,
        thread_ts: place.threadTs,
        file: file.png,
        filename: file.filename,
        title: file.title,
        alt_text: file.alt,
      }),
    );
    return result !== undefined;
  }

  /** A message only `user` sees, in the channel (and thread) they wrote in. */
  async ephemeral(place: SlackPlace, user: string, content: SlackContent, correlationId: string): Promise<boolean> {
    const result = await this.#call('chat.postEphemeral', place.channel, correlationId, () =>
      this.client.chat.postEphemeral({
        channel: place.channel,
        user,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        text: content.text,
        ...(content.blocks ? { blocks: content.blocks } : {}),
      }),
    );
    return result !== undefined;
  }

  async #call<T>(method: string, lane: string, correlationId: string, send: () => Promise<T>): Promise<T | undefined> {
    try {
      return await this.pacer.run(lane, send);
    } catch (error) {
      this.log.error(
        { err: error, correlationId, method, slackError: slackErrorCode(error) },
        'Slack did not take a message',
      );
      return undefined;
    }
  }
}

/** Slack's error code (`not_in_channel`, `ratelimited`…) from a Web API error, for the log. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null && typeof (data as { error?: unknown }).error === 'string') {
    return (data as { error: string }).error;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
