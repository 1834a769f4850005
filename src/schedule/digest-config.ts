/**
 * Digest settings: the zod fragment the configuration merges in (`schema.extend(digestConfigSchema.shape)`).
 */
import { z } from 'zod';
import { canonicalTimeZone } from './zoned-time.js';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .default('on')
  .transform((value) => value === 'on' || value === 'true' || value === '1');

/** The digest variables. */
export const digestConfigSchema = z.object({
  SOCBOT_DIGESTS: onOff.describe('Scheduled digests (on/off); `digest now` works either way'),
  SOCBOT_DIGEST_CATCH_UP_HOURS: z.coerce
    .number()
    .min(0)
    .max(48)
    .default(6)
    .describe('On start, a digest missed within this many hours (while socbot was down) is posted once; 0 = never'),
  SOCBOT_DIGEST_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((zone) => canonicalTimeZone(zone) !== undefined, {
      message: 'an IANA time zone like Europe/Paris or UTC',
    })
    .transform((zone) => canonicalTimeZone(zone) ?? 'UTC')
    .describe('Time zone of a digest subscribed without `tz`'),
});

/** The parsed digest variables. */
export type DigestConfig = z.infer<typeof digestConfigSchema>;
