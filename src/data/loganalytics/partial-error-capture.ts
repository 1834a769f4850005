/**
 * Keeps the raw `error` of partial Log Analytics answers. The SDK's deserializer drops `details[].innererror`,
 * which is where the service says what actually went wrong ("Query result set has exceeded the internal data
 * size limit…"); without it socbot could neither explain a partial answer nor tell that the service trimmed rows.
 */
import type { ExtraPolicies } from './logs-client.js';

/** The request header that ties a response to its query; removed before the request leaves the process. */
export const captureHeader = 'x-socbot-capture-id';

/** A pipeline policy and the errors it saw, by capture id. */
export interface PartialErrorCapture {
  policy: ExtraPolicies[number];
  /** The raw error of the answer to `id` (and forgets it). */
  take(id: string): unknown;
}

/** Creates the capture; add `policy` to the client and send `captureHeader` with each query. */
export function createPartialErrorCapture(): PartialErrorCapture {
  const captured = new Map<string, unknown>();
  return {
    policy: {
      position: 'perCall',
      policy: {
        name: 'socbotPartialErrorCapture',
        async sendRequest(request, next) {
          const id = request.headers.get(captureHeader);
          request.headers.delete(captureHeader);
          const response = await next(request);
          const text = response.bodyAsText;
          if (id && response.status === 200 && text?.includes('"error"')) {
            try {
              const body = JSON.parse(text) as { error?: unknown };
              if (body.error) captured.set(id, body.error);
              // Bounded: an answer whose caller gave up is never taken.
              if (captured.size > 100) captured.delete(captured.keys().next().value as string);
            } catch {
              // Not JSON: the SDK will report it.
            }
          }
          return response;
        },
      },
    },
    take(id) {
      const error = captured.get(id);
      captured.delete(id);
      return error;
    },
  };
}
