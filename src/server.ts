/**
 * The HTTP server: health, the local chat page and its API. Channel adapters (Teams, Slack) mount here too.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { type Answerer, chatRouter, type ImageAttacher } from './channels/local/chat-endpoint.js';
import type { Section } from './core/section.js';
import type { AuditLog } from './policy/audit.js';
import { withDocumentLinks } from './render/documents/document-links.js';
import type { DocumentStore } from './render/documents/document-store.js';
import type { ImageStore } from './render/images/image-store.js';

const require = createRequire(import.meta.url);
const pageDir = fileURLToPath(new URL('./channels/local/page/', import.meta.url));

export interface ServerDeps {
  answer: Answerer;
  /** Extra facts for /healthz (provider, workspace counts). */
  health: () => Promise<Record<string, unknown>>;
  /** The audit log the local chat writes to. */
  audit?: AuditLog;
  /** Chart and graph images, served at `/charts/<id>.png`. */
  images?: { store: ImageStore; attach: ImageAttacher };
  /** Exported documents, served at `/exports/<id>/<file>` (the local chat links to them). */
  documents?: DocumentStore;
}

/** Builds the express app (not listening yet), so tests can drive it in-process. */
export function createServer(deps: ServerDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', ...(await deps.health()) });
    } catch (error) {
      res.status(503).json({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  app.get('/', (_req, res) => {
    res.sendFile(path.join(pageDir, 'index.html'));
  });
  app.use('/chat', express.static(pageDir, { index: false }));
  app.get('/vendor/adaptivecards.min.js', (_req, res) => {
    res.sendFile(require.resolve('adaptivecards/dist/adaptivecards.min.js'));
  });
  app.get('/charts/:file', (req, res) => {
    const id = /^([a-f0-9]{32})\.png$/.exec(req.params.file)?.[1];
    const png = id ? deps.images?.store.get(id) : undefined;
    if (!png) {
      res.status(404).type('text/plain').send('No such image.');
      return;
    }
    // Content-addressed: an id always names the same bytes.
    res.type('image/png').set('cache-control', 'public, max-age=31536000, immutable').send(png);
  });
  app.get('/exports/:id/:file', (req, res) => {
    const document = deps.documents?.get(req.params.id);
    if (!document) {
      res.status(404).type('text/plain').send('No such document, or its link has expired: export it again.');
      return;
    }
    // Always a download, never rendered on this origin (an HTML export must not run as this site's page).
    res
      .type(document.mimeType)
      .attachment(document.fileName)
      .set({
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': 'sandbox',
      })
      .send(document.content);
  });
  const { documents } = deps;
  // The page links exported documents (relative to itself); the CLI reads them from `sections`.
  const present = documents ? (sections: Section[]) => withDocumentLinks(sections, documents, '') : undefined;
  app.use(chatRouter(deps.answer, deps.images?.attach, deps.audit, present));
  return app;
}
