/**
 * The digest settings in the validated configuration: defaults, on/off, the default zone canonicalised, and bad
 * values stopping start-up with a message that names the variable.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('digest configuration', () => {
  it('is on by default, catches up 6 hours, in UTC', () => {
    expect(loadConfig({})).toMatchObject({
      SOCBOT_DIGESTS: true,
      SOCBOT_DIGEST_CATCH_UP_HOURS: 6,
      SOCBOT_DIGEST_TIMEZONE: 'UTC',
    });
  });

  it('reads off, hours and a zone', () => {
    expect(
      loadConfig({ SOCBOT_DIGESTS: 'off', SOCBOT_DIGEST_CATCH_UP_HOURS: '0', SOCBOT_DIGEST_TIMEZONE: 'europe/paris' }),
    ).toMatchObject({ SOCBOT_DIGESTS: false, SOCBOT_DIGEST_CATCH_UP_HOURS: 0, SOCBOT_DIGEST_TIMEZONE: 'Europe/Paris' });
    expect(loadConfig({ SOCBOT_DIGESTS: 'true' }).SOCBOT_DIGESTS).toBe(true);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ SOCBOT_DIGEST_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /SOCBOT_DIGEST_TIMEZONE: an IANA time zone like Europe\/Paris or UTC/,
    );
    expect(() => loadConfig({ SOCBOT_DIGEST_CATCH_UP_HOURS: '100' })).toThrow(ConfigError);
    expect(() => loadConfig({ SOCBOT_DIGESTS: 'maybe' })).toThrow(/SOCBOT_DIGESTS/);
  });
});
