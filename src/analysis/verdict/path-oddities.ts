/**
 * Odd system-looking paths: a folder that imitates a Windows folder (`c:\w!ndows`, Cyrillic letters, a trailing
 * space as in the "mock trusted folder" trick `C:\Windows \System32`), a misspelt `system32`, invisible or
 * right-to-left characters, and document-looking double extensions (`invoice.pdf.exe`).
 */
import { distance } from 'fastest-levenshtein';
import { describeCharacter, hasInvisibleCharacters, nonAsciiLetters, oddPunctuation, skeleton } from './look-alike.js';
import { imitatedBinary } from './masquerading.js';
import { type Signal, signal } from './signal.js';

/** Folders of a Windows install as they are spelt (first: directly under a drive; nested: under Windows). */
const rootFolders = ['Windows', 'Program Files', 'Program Files (x86)', 'ProgramData'];
const windowsFolders = ['System32', 'SysWOW64', 'WinSxS'];
/** Genuine folders a typo check would otherwise take for a misspelling (`C:\Windows\System` is real). */
const genuineNeighbours = new Set(['system', 'sysnative']);

const documentExtensions = 'pdf|docx?|docm|xlsx?|xlsm|pptx?|rtf|txt|csv|jpe?g|png|gif|bmp|zip|rar|7z|mp3|mp4|avi|html?';
const executableExtensions = 'exe|scr|com|pif|bat|cmd|vbs|vbe|js|jse|wsf|wsh|hta|ps1|lnk|msi|cpl|jar';
// Starts only at a name boundary and bounds the name, so a long run without separators stays linear.
const DOUBLE_EXTENSION = new RegExp(
  `(?<![^\\s\\\\/"'<>|:*?])[^\\s\\\\/"'<>|:*?]{1,120}?\\.(?:${documentExtensions})[ ._-]{0,40}\\.(?:${executableExtensions})(?![\\w.])`,
  'gi',
);

/** Most double-extension names reported from one text. */
const maxDoubleExtensions = 3;

function imitationSignal(segment: string, genuine: string, path: string): Signal | null {
  const trimmed = segment.trim();
  if (trimmed.toLowerCase() === genuine.toLowerCase()) {
    if (trimmed === segment) return null;
    return signal(
      'odd-path',
      'malicious',
      `The folder "${segment}" is ${genuine} with an extra space: the "mock trusted folder" trick to pass as a system path.`,
      path,
    );
  }
  if (skeleton(trimmed) !== skeleton(genuine)) return null;
  const odd = [...nonAsciiLetters(trimmed), ...oddPunctuation(trimmed)];
  const detail = odd.length > 0 ? odd.map(describeCharacter).join(', ') : 'digits or letters swapped for look-alikes';
  return signal(
    'odd-path',
    'malicious',
    `The folder ${trimmed} imitates ${genuine} with odd characters (${detail}).`,
    path,
  );
}

function misspellingSignal(segment: string, genuine: string, path: string): Signal | null {
  const lower = segment.trim().toLowerCase();
  if (genuineNeighbours.has(lower)) return null;
  const edits = distance(lower, genuine.toLowerCase());
  if (edits === 0 || edits > (genuine.length >= 7 ? 2 : 1)) return null;
  return signal('odd-path', 'malicious', `The folder ${segment.trim()} looks like a misspelt ${genuine}.`, path);
}

/** Checks one folder against the genuine names allowed at its depth. */
function folderSignal(segment: string, candidates: readonly string[], exact: boolean, path: string): Signal | null {
  for (const genuine of candidates) {
    const found = imitationSignal(segment, genuine, path) ?? (exact ? misspellingSignal(segment, genuine, path) : null);
    if (found) return found;
  }
  return null;
}

function looksLikeWindowsFolder(segment: string): boolean {
  const lower = segment.trim().toLowerCase();
  return skeleton(lower) === skeleton('windows') || distance(lower, 'windows') <= 2;
}

/**
 * Odd-path signals of one Windows path: imitated or misspelt system folders (misspellings only where the real
 * folder would be: right under the drive, or right under Windows), invisible characters, and a non-ASCII file
 * name inside a system-looking folder.
 */
export function pathOdditySignals(path: string): Signal[] {
  const signals: Signal[] = [];
  if (hasInvisibleCharacters(path)) {
    const hidden = [...path].filter((char) => hasInvisibleCharacters(char)).map(describeCharacter);
    signals.push(
      signal(
        'odd-path',
        'malicious',
        `The path hides invisible or right-to-left control characters (${[...new Set(hidden)].join(', ')}): the name shown is not the real one.`,
        path,
      ),
    );
  }
  const parts = path.replace(/\//g, '\\').split('\\');
  const drive = /^[a-z]:$/i.test(parts[0] ?? '');
  const folders = parts.slice(drive ? 1 : 0, -1);
  let systemLooking = false;
  for (const [i, segment] of folders.entries()) {
    if (segment === '') continue;
    const underDrive = drive && i === 0;
    const underWindows = drive && i === 1 && looksLikeWindowsFolder(folders[0] ?? '');
    const found =
      folderSignal(segment, rootFolders, underDrive, path) ?? folderSignal(segment, windowsFolders, underWindows, path);
    if (found) signals.push(found);
    systemLooking ||= underDrive && looksLikeWindowsFolder(segment);
  }
  const fileName = parts.at(-1) ?? '';
  const odd = nonAsciiLetters(fileName);
  if (systemLooking && odd.length > 0 && !imitatedBinary(fileName)) {
    signals.push(
      signal(
        'odd-path',
        'malicious',
        `The file name ${fileName} in a system folder has non-ASCII look-alike letters (${odd.map(describeCharacter).join(', ')}).`,
        path,
      ),
    );
  }
  return signals;
}

/**
 * Document-looking names that are programs (`invoice.pdf.exe`, `photo.jpg      .scr`) in a path or command line.
 * @example doubleExtensionSignals('cmd /c start invoice.pdf.exe')[0]?.evidence // 'invoice.pdf.exe'
 */
export function doubleExtensionSignals(text: string): Signal[] {
  const names = new Set<string>();
  for (const match of text.matchAll(DOUBLE_EXTENSION)) {
    names.add(match[0]);
    if (names.size >= maxDoubleExtensions) break;
  }
  return [...names].map((name) =>
    signal(
      'double-extension',
      'malicious',
      `${name.replace(/\s+/g, ' ')} has a document extension followed by a program extension: it is a program posing as a document.`,
      name,
    ),
  );
}
