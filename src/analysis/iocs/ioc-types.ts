/**
 * The observable types socbot extracts, named and prioritised as msticpy's `IoCType` (facts §e), and which of
 * them a scan uses by default.
 */

/** Every extractable type, in msticpy's registration order (the order the patterns run in). */
export const IOC_TYPES = [
  'ipv4',
  'ipv6',
  'dns',
  'url',
  'email',
  'windows_path',
  'linux_path',
  'md5_hash',
  'sha1_hash',
  'sha256_hash',
] as const;

/** One observable type. */
export type IocType = (typeof IOC_TYPES)[number];

/** Lower wins when several patterns find the same exact string (`foo.bar.com` is dns, not a path). */
export const IOC_PRIORITY: Readonly<Record<IocType, number>> = {
  ipv4: 0,
  ipv6: 0,
  url: 0,
  email: 1,
  md5_hash: 1,
  sha1_hash: 1,
  sha256_hash: 1,
  dns: 2,
  windows_path: 3,
  linux_path: 4,
};

/** Options shared by the text and the row scanners. */
export interface IocScanOptions {
  /** Only these types (msticpy `ioc_types`); when given, `includePaths` is ignored. */
  types?: readonly IocType[];
  /** Include `windows_path` (and, for text, `linux_path`), which are noisy. */
  includePaths?: boolean;
}

/** True for a string naming one of the extractable types. */
export function isIocType(value: string): value is IocType {
  return (IOC_TYPES as readonly string[]).includes(value);
}

/**
 * The types a text scan uses: msticpy's `extract(src)` scans every type including both path types, so
 * `includePaths` defaults to true here; `includePaths: false` drops the two path types.
 */
export function textScanTypes(options: IocScanOptions = {}): ReadonlySet<IocType> {
  if (options.types && options.types.length > 0) return new Set(options.types);
  const withPaths = options.includePaths ?? true;
  return new Set(IOC_TYPES.filter((type) => withPaths || (type !== 'windows_path' && type !== 'linux_path')));
}

/**
 * The types a row scan uses: msticpy's DataFrame default is every type except `linux_path`, and except
 * `windows_path` unless `includePaths` is set (email is included).
 */
export function rowScanTypes(options: IocScanOptions = {}): ReadonlySet<IocType> {
  if (options.types && options.types.length > 0) return new Set(options.types);
  return new Set(
    IOC_TYPES.filter((type) => type !== 'linux_path' && (options.includePaths === true || type !== 'windows_path')),
  );
}
