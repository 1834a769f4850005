/**
 * Defanging and refanging observables. Extraction returns observables as found (msticpy's default
 * `defanged=True`), so callers refang before a lookup and defang before showing a link in a chat.
 */
import type { IocType } from './ioc-types.js';

/** Back to a usable form: `[.]`/`[.`/`.]` → `.`, `[at]` → `@`, `hXXp` → `http`, `fXp` → `ftp`. */
export function refang(observable: string): string {
  return observable
    .replace(/\[\.\]|\[\.|\.\]/g, '.')
    .replace(/\[at\]/gi, '@')
    .replace(/^hxxp/i, 'http')
    .replace(/^(s?)fxp/i, '$1ftp');
}

const DEFANGED_TYPES: ReadonlySet<IocType> = new Set(['ipv4', 'dns', 'url', 'email']);

/**
 * Safe to paste in a chat (no auto-link): dots → `[.]`, `@` → `[at]`, `http` → `hxxp`, `ftp` → `fxp`.
 * Hashes, IPv6 and paths are returned unchanged (chat clients do not link them).
 */
export function defang(observable: string, type: IocType): string {
  if (!DEFANGED_TYPES.has(type)) return observable;
  const plain = refang(observable);
  const scheme = /^[a-z]+:\/\//i.exec(plain)?.[0] ?? '';
  const safeScheme = scheme.replace(/^http/i, 'hxxp').replace(/^(s?)ftp/i, '$1fxp');
  return safeScheme + plain.slice(scheme.length).replace(/\./g, '[.]').replace(/@/g, '[at]');
}
