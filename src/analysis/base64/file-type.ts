/**
 * File-type sniffing on base64 text, before decoding: msticpy's prefix table (facts §f). The zip prefixes only
 * match deflated, non-flagged zips, so a stored zip is treated as plain binary — kept for parity.
 */

/** A type msticpy can name from the base64 text. */
export type SniffedFileType =
  | 'exe'
  | 'dll'
  | 'sys'
  | 'zip'
  | 'zip (pwd protected)'
  | 'gz'
  | '7z'
  | 'rar'
  | 'pdf'
  | 'msi'
  | 'wim'
  | 'tar';

/** The PE header up to `e_lfanew`, whose low byte tells exe (0xF8), dll (0xF0) and sys (0xE8) apart. */
const PE_HEADER = `TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAA${'A'.repeat(30)}`;

const PREFIXES: ReadonlyArray<readonly [string, SniffedFileType]> = [
  [`${PE_HEADER}+AAAAA4fug`, 'exe'],
  [`${PE_HEADER}8AAAAA4fug`, 'dll'],
  [`${PE_HEADER}6AAAAA4fug`, 'sys'],
  ['UEsDBBQAAAAIA', 'zip'],
  ['UEsDBBQAAQAIA', 'zip (pwd protected)'],
  ['H4sI', 'gz'],
  ['N3q8ryccAAR', '7z'],
  ['UmFyIRoHAM', 'rar'],
  ['JVBERi0xLjcNC', 'pdf'],
  ['0M8R4KGxGuE', 'msi'],
  ['TVNXSU0AAADQ', 'wim'],
];

/** A tar header's mode and uid fields ("0100777\0" "0000000"), searched anywhere, case-insensitively. */
const TAR_MARKER = /DAxMDA3NzcAMDAwMDAwM/i;

/**
 * The file type of a base64 candidate: its first 160 characters, CR/LF then removed, must start with a known
 * prefix or contain the tar marker. Null when unknown (msticpy's `None`).
 */
export function sniffFileType(candidate: string): SniffedFileType | null {
  const head = candidate.slice(0, 160).replace(/[\r\n]/g, '');
  for (const [prefix, type] of PREFIXES) if (head.startsWith(prefix)) return type;
  return TAR_MARKER.test(head) ? 'tar' : null;
}
