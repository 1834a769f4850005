/**
 * Error messages: secret-looking text scrubbed, network failures named by host only, unknown failures wrapped.
 */
import { describe, expect, it } from 'vitest';
import { scrubMessage, toQueryError } from '../../../src/data/loganalytics/query-errors.js';

const context = {
  queryName: 'get_alert',
  workspaceId: 'w',
  credential: 'default',
  endpointHost: 'api.loganalytics.io',
  timeoutSeconds: 25,
  secrets: ['my-client-secret'],
};

describe('scrubMessage', () => {
  it('removes secrets, tokens, bearer headers, URL query strings and form secrets', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const text = `failed my-client-secret Authorization: Bearer abc.def token ${jwt} at https://login.example/t/oauth2?client_secret=zzz&x=1 body client_secret=qqq&grant=1`;
    const clean = scrubMessage(text, context.secrets);
    for (const leaked of ['my-client-secret', 'abc.def', jwt, 'zzz', 'qqq']) expect(clean).not.toContain(leaked);
    expect(clean).toContain('https://login.example/t/oauth2');
  });

  it('caps the length', () => {
    expect(scrubMessage('x'.repeat(1000), [], 50)).toHaveLength(50);
  });
});

describe('toQueryError', () => {
  it('names the host, not the URL, when the service cannot be reached', () => {
    const network = Object.assign(new Error('connect ECONNREFUSED https://api.loganalytics.io/v1/workspaces/w/query'), {
      name: 'RestError',
      code: 'ECONNREFUSED',
    });
    const error = toQueryError(network, context, false);
    expect(error.message).toBe('Could not reach Log Analytics at api.loganalytics.io (ECONNREFUSED).');
  });

  it('wraps anything else as QueryFailed, scrubbed', () => {
    const error = toQueryError(new TypeError('odd my-client-secret'), context, false);
    expect(error.code).toBe('QueryFailed');
    expect(error.message).toBe('The get_alert query failed: TypeError: odd [redacted]');
  });

  it('reports our own deadline as Timeout', () => {
    expect(toQueryError(new DOMException('x', 'TimeoutError'), context, true).code).toBe('Timeout');
  });
});
