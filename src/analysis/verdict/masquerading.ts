/**
 * Masquerading (MITRE T1036): an image named almost like a Windows system process (`suchost.exe` for
 * `svchost.exe`), a system process running from the wrong folder, or a system tool copied elsewhere. A genuine
 * system binary in its own folder is a (weak) benign signal.
 */
import { distance } from 'fastest-levenshtein';
import { describeCharacter, nonAsciiLetters, skeleton } from './look-alike.js';
import { type Signal, signal } from './signal.js';
import {
  coreBinaries,
  genuineNames,
  type ImagePath,
  inExpectedFolder,
  parseImagePath,
  systemTools,
} from './system-binaries.js';

/** The name without its last extension (`svchost.exe` → `svchost`). */
function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Edits allowed between a look-alike and a genuine name: 2 for names of 7+ letters (covers a swapped pair,
 * `scvhost`), 1 for 5–6 letters, none for shorter names (`cmd`, `smss` have too many innocent neighbours).
 */
export function allowedEdits(genuineStem: string): number {
  if (genuineStem.length >= 7) return 2;
  return genuineStem.length >= 5 ? 1 : 0;
}

/** The core binary `name` imitates, with the edit distance, or null. */
export function imitatedBinary(name: string): { genuine: string; edits: number; lookAlike: boolean } | null {
  const lower = name.toLowerCase();
  if (genuineNames.has(lower)) return null;
  const stem = stemOf(lower);
  if (stem.length < 3) return null;
  let best: { genuine: string; edits: number; lookAlike: boolean } | null = null;
  for (const genuine of coreBinaries.keys()) {
    const genuineStem = stemOf(genuine);
    const lookAlike = skeleton(stem) === skeleton(genuineStem);
    const edits = distance(stem, genuineStem);
    if (!lookAlike && (edits === 0 || edits > allowedEdits(genuineStem))) continue;
    if (!best || edits < best.edits) best = { genuine, edits, lookAlike };
  }
  return best;
}

function lookAlikeSignal(image: ImagePath, genuine: string, edits: number, lookAlike: boolean): Signal {
  const odd = nonAsciiLetters(image.fileName);
  let how = ` (${edits === 1 ? 'one character' : `${edits} characters`} away)`;
  if (lookAlike && odd.length > 0) how = ` with look-alike characters ${odd.map(describeCharacter).join(', ')}`;
  else if (edits === 0) how = ' (same name, another extension)';
  return signal(
    'masquerading',
    'malicious',
    `The image name ${image.fileName} imitates the Windows process ${genuine}${how}: a classic disguise.`,
    image.original,
  );
}

/** The displayed folder of an image (its path without the file name). */
function folderOf(image: ImagePath): string {
  return image.original.slice(0, Math.max(0, image.original.length - image.fileName.length - 1)) || image.original;
}

function placementSignal(image: ImagePath, name: string, expected: readonly string[], core: boolean): Signal {
  if (image.folder !== null && inExpectedFolder(image.folder, expected)) {
    return signal('expected-location', 'benign', `${name} runs from its usual Windows folder.`, image.original);
  }
  const usual = expected.map((folder) => `C:${folder}`).join(' or ');
  return core
    ? signal(
        'masquerading',
        'malicious',
        `${name} is a Windows system process but runs from ${folderOf(image)}, not ${usual}.`,
        image.original,
      )
    : signal(
        'relocated-system-tool',
        'malicious',
        `The Windows tool ${name} was copied to ${folderOf(image)} (it lives in ${usual}): a way around path-based rules.`,
        image.original,
      );
}

/**
 * Masquerading signals of an image path or bare file name: a look-alike of a core system binary, a core binary
 * or system tool outside its folder (only checked for absolute paths), or a genuine binary in its own folder.
 * @example masqueradingSignals('c:\\w!ndows\\system32\\suchost.exe')[0]?.kind // 'masquerading'
 */
export function masqueradingSignals(imagePath: string): Signal[] {
  const image = parseImagePath(imagePath);
  const name = image.fileName.toLowerCase();
  if (name === '') return [];
  const expected = coreBinaries.get(name) ?? systemTools.get(name);
  if (expected) return image.absolute ? [placementSignal(image, name, expected, coreBinaries.has(name))] : [];
  const imitated = imitatedBinary(name);
  return imitated ? [lookAlikeSignal(image, imitated.genuine, imitated.edits, imitated.lookAlike)] : [];
}
