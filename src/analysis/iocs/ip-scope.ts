/**
 * Python `ipaddress` `is_private` / `is_global` (CPython 3.13 tables, from the IANA special-purpose registries).
 * Multicast is neither private nor excluded, so `224.0.0.1` counts as global, as in Python.
 */
import type { IpAddress } from './ip-address.js';

type Network = readonly [base: bigint, prefix: number];

function v4(text: string, prefix: number): Network {
  const value = text.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  return [BigInt(value), prefix];
}

function v6(groups: readonly number[], prefix: number): Network {
  const padded = [...groups, ...new Array<number>(8 - groups.length).fill(0)];
  return [padded.reduce((value, group) => (value << 16n) | BigInt(group), 0n), prefix];
}

const IPV4_PRIVATE: readonly Network[] = [
  v4('0.0.0.0', 8),
  v4('10.0.0.0', 8),
  v4('127.0.0.0', 8),
  v4('169.254.0.0', 16),
  v4('172.16.0.0', 12),
  v4('192.0.0.0', 24),
  v4('192.0.0.170', 31),
  v4('192.0.2.0', 24),
  v4('192.168.0.0', 16),
  v4('198.18.0.0', 15),
  v4('198.51.100.0', 24),
  v4('203.0.113.0', 24),
  v4('240.0.0.0', 4),
  v4('255.255.255.255', 32),
];
const IPV4_PRIVATE_EXCEPTIONS: readonly Network[] = [v4('192.0.0.9', 32), v4('192.0.0.10', 32)];
/** Shared address space (carrier-grade NAT): neither private nor global in Python. */
const IPV4_SHARED = v4('100.64.0.0', 10);

const IPV6_PRIVATE: readonly Network[] = [
  v6([0, 0, 0, 0, 0, 0, 0, 1], 128),
  v6([], 128),
  v6([0, 0, 0, 0, 0, 0xffff], 96),
  v6([0x64, 0xff9b, 1], 48),
  v6([0x100], 64),
  v6([0x2001], 23),
  v6([0x2001, 0xdb8], 32),
  v6([0x2002], 16),
  v6([0x3fff], 20),
  v6([0xfc00], 7),
  v6([0xfe80], 10),
];
const IPV6_PRIVATE_EXCEPTIONS: readonly Network[] = [
  v6([0x2001, 1, 0, 0, 0, 0, 0, 1], 128),
  v6([0x2001, 1, 0, 0, 0, 0, 0, 2], 128),
  v6([0x2001, 3], 32),
  v6([0x2001, 4, 0x112], 48),
  v6([0x2001, 0x20], 28),
  v6([0x2001, 0x30], 28),
];
const IPV4_MAPPED_PREFIX = 0xffffn << 32n;

function inNetwork(value: bigint, bits: number, [base, prefix]: Network): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

function inPrivateTable(value: bigint, bits: number, table: readonly Network[], exceptions: readonly Network[]) {
  return table.some((net) => inNetwork(value, bits, net)) && !exceptions.some((net) => inNetwork(value, bits, net));
}

/** `::ffff:a.b.c.d` carries an IPv4 address whose own rules apply (Python ≥ 3.13). */
function mappedIpv4(value: bigint): number | null {
  return value >> 32n === IPV4_MAPPED_PREFIX >> 32n ? Number(value & 0xffffffffn) : null;
}

/** Python `is_private`. */
export function isPrivateIp(address: IpAddress): boolean {
  if (address.version === 4) {
    return inPrivateTable(BigInt(address.value), 32, IPV4_PRIVATE, IPV4_PRIVATE_EXCEPTIONS);
  }
  const mapped = mappedIpv4(address.value);
  if (mapped !== null) return isPrivateIp({ version: 4, value: mapped });
  return inPrivateTable(address.value, 128, IPV6_PRIVATE, IPV6_PRIVATE_EXCEPTIONS);
}

/** Python `is_global`: not private, and for IPv4 not in the shared 100.64.0.0/10 space. */
export function isGlobalIp(address: IpAddress): boolean {
  if (address.version === 4) {
    return !inNetwork(BigInt(address.value), 32, IPV4_SHARED) && !isPrivateIp(address);
  }
  const mapped = mappedIpv4(address.value);
  if (mapped !== null) return isGlobalIp({ version: 4, value: mapped });
  return !isPrivateIp(address);
}
