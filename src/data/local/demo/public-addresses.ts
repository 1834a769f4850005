/**
 * Internet addresses and attacker machine names for the demo: hosting ranges brute-force bots really come
 * from, never private, loopback or documentation ranges.
 */
import type { RandomSource } from './random-source.js';

const firstOctets = [
  5, 23, 31, 37, 45, 46, 62, 77, 80, 89, 91, 92, 93, 94, 103, 109, 141, 176, 178, 185, 193, 194, 212,
];

/** A public IPv4 address. */
export function publicIp(random: RandomSource): string {
  return `${random.pick(firstOctets)}.${random.int(1, 254)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

/** The workstation name an attacker's tool reports in NTLM logons (default VM names, tool defaults). */
export function attackerWorkstation(random: RandomSource): string {
  const suffix = random.hex(7).toUpperCase();
  return random.pick([`DESKTOP-${suffix}`, `WIN-${suffix}${random.int(10, 99)}`, 'kali', 'HOSTNAME', '-']);
}
