/** Plain-language notes on Windows security identifiers (msticpy `nbdisplay._format_sid_info`). */

/** Well-known SIDs msticpy names. */
export const wellKnownSids: Readonly<Record<string, string>> = Object.freeze({
  'S-1-0-0': 'Null SID',
  'S-1-5-18': 'LOCAL_SYSTEM',
  'S-1-5-19': 'LOCAL_SERVICE',
  'S-1-5-20': 'NETWORK_SERVICE',
});

/** The relative id: the last `-`-separated component of a SID. */
function relativeId(sid: string): string {
  return sid.slice(sid.lastIndexOf('-') + 1);
}

/**
 * Lines explaining a SID (`SID <sid> is <what>`), in msticpy's order; none for an empty SID.
 *
 * Deliberate difference from msticpy (msticpy-facts §j.9): msticpy tests the plain string suffix, so
 * `S-1-5-21-…-1500` "is administrator". Here only the relative id counts: RID 500 is the built-in administrator,
 * RID 501 the guest.
 * @example explainSid('S-1-5-21-1-2-3-500') // ['SID S-1-5-21-1-2-3-500 is administrator', '… is local machine or domain account']
 */
export function explainSid(sid: string | null | undefined): string[] {
  if (!sid) return [];
  const lines: string[] = [];
  const known = Object.hasOwn(wellKnownSids, sid) ? wellKnownSids[sid] : undefined;
  if (known) lines.push(`SID ${sid} is ${known}`);
  else if (relativeId(sid) === '500') lines.push(`SID ${sid} is administrator`);
  else if (relativeId(sid) === '501') lines.push(`SID ${sid} is guest`);
  if (sid.startsWith('S-1-5-21')) lines.push(`SID ${sid} is local machine or domain account`);
  return lines;
}
