/**
 * Strict IP address parsing with Python `ipaddress.ip_address` rules, for the threat-intel pre-filter and for
 * validating IPv6 matches (which the loose scan pattern over-matches).
 */

/** A parsed address: IPv4 as a 32-bit value, IPv6 as a 128-bit value. */
export type IpAddress = { version: 4; value: number } | { version: 6; value: bigint };

const DECIMAL_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** Dotted-quad IPv4; leading zeros are refused (Python ≥ 3.9.5 refuses them as ambiguous octal). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Hex groups of one side of `::` (an empty side has none); the last may be an embedded IPv4. */
function parseGroups(side: string, allowIpv4Tail: boolean): number[] | null {
  if (side === '') return [];
  const parts = side.split(':');
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    const isLast = index === parts.length - 1;
    if (isLast && allowIpv4Tail && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === null) return null;
      groups.push(Math.floor(v4 / 65536), v4 % 65536);
    } else if (HEX_GROUP.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/** IPv6 with at most one `::`, an optional embedded IPv4 tail and an optional `%zone` (ignored). */
export function parseIpv6(text: string): bigint | null {
  const address = text.split('%')[0] ?? '';
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : [];
  if (head === null || tail === null) return null;
  const present = head.length + tail.length;
  if (halves.length === 1 ? present !== 8 : present > 7) return null;
  const groups = [...head, ...new Array<number>(8 - present).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** Python's `ip_address`: IPv4 first, then IPv6; null when neither parses. */
export function parseIpAddress(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === null ? null : { version: 6, value: v6 };
}
