/**
 * Value shapes several configuration fragments share (the channels' allowlists), so each reads them the same way.
 */
import { z } from 'zod';

/** A comma list (`a, b,c`) as its trimmed, non-empty items; unset is the empty list. */
export function commaSeparated() {
  return z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    );
}
