/**
 * The local chat channel: `POST /api/chat` takes `{ text }` (typed or from a card button) and answers with
 * the Sections rendered as Adaptive Cards and as Markdown. No investigation logic here.
 */
import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Section } from '../../core/section.js';
import type { Actor } from '../../policy/actor.js';
import type { AuditLog } from '../../policy/audit.js';
import { sectionToCard } from '../../render/adaptive-card/render-card.js';
import { sectionsToMarkdown } from '../../render/markdown/render-markdown.js';

/** Answers a line of text; injected so the endpoint knows nothing of providers or commands. */
export type Answerer = (
  text: string,
  meta: { correlationId: string; signal: AbortSignal; actor: Actor },
) => Promise<Section[]>;

const requestSchema = z.object({ text: z.string().max(10_000) });

/** The JSON answer of the local chat endpoint. */
export interface ChatResponse {
  correlationId: string;
  cards: Record<string, unknown>[];
  markdown: string;
  sections: Section[];
}

/** Turns Sections into Sections with drawn images (charts, graphs); injected, as it needs the image store. */
export type ImageAttacher = (sections: Section[]) => Promise<Section[]>;

/** Who uses the local chat page: the operator at this machine. */
const localActor: Actor = {
  channel: 'local',
  userId: 'local-user',
  userName: 'local chat page',
  conversationId: 'local',
};

/**
 * Builds the router for `/api/chat`; every command is audited as the local user. The response's `sections` are the
 * answer with its images drawn (an export keeps its document, for the CLI to print); its cards and Markdown are what
 * `present` makes of them for the page (an export as a download link).
 */
export function chatRouter(
  answerText: Answerer,
  attachImages: ImageAttacher = async (s) => s,
  audit?: AuditLog,
  present: (sections: Section[]) => Section[] = (s) => s,
): Router {
  const router = express.Router();
  router.post('/api/chat', express.json({ limit: '64kb' }), async (req, res) => {
    const parsed = requestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'Send JSON like {"text": "alerts"}.' });
      return;
    }
    const correlationId = randomUUID();
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const started = performance.now();
    const sections = await attachImages(
      await answerText(parsed.data.text, { correlationId, signal: controller.signal, actor: localActor }),
    );
    const first = sections[0];
    const failed = first?.status === 'failed';
    await audit?.append({
      correlationId,
      at: new Date(),
      actor: localActor,
      command: parsed.data.text,
      outcome: failed ? (first?.problem?.code === 'BadCommand' ? 'bad-command' : 'failed') : 'answered',
      durationMs: performance.now() - started,
      ...(failed && first?.problem ? { detail: first.problem.code } : {}),
    });
    const shown = present(sections);
    const body: ChatResponse = {
      correlationId,
      cards: shown.map(sectionToCard),
      markdown: sectionsToMarkdown(shown),
      sections,
    };
    res.json(body);
  });
  return router;
}
