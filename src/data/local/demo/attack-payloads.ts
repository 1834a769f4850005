/**
 * The attackers' material in the stories: look-alike download domains, a miner's wallet, PowerShell's encoding.
 */
import type { RandomSource } from './random-source.js';

const payloadDomains = ['cdn-officeupdate.com', 'msoffice-cdn.net', 'update-defender.info', 'azure-telemetry.org'];

/** A look-alike domain serving a stager (`http://<domain>/a.ps1`). */
export function payloadDomain(random: RandomSource): string {
  return random.pick(payloadDomains);
}

const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A Monero wallet address: 95 base58 characters starting with 4. */
export function moneroWallet(random: RandomSource): string {
  let out = `4${random.pick(['8', '9', 'A', 'B'])}`;
  while (out.length < 95) out += base58[random.int(0, base58.length - 1)];
  return out;
}

/** PowerShell's `-enc` argument: base64 of the script's UTF-16LE bytes. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}
