/**
 * The importer's entry points: a file (or text) → the SecurityAlert and SecurityEvent rows in it, plus what was
 * skipped (with line numbers) and what was ignored (tables and event ids socbot does not use).
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SocbotError } from '../../../core/errors.js';
import { readCsvFile, readCsvText } from './csv-reader.js';
import { assertImportableText, headBytes, isImportFileName, sniffHead, textFormatOf } from './file-sniff.js';
import { ImportCollector } from './import-collector.js';
import type { ParsedFile } from './import-types.js';
import { jsonLayoutOf, readJsonLinesFile, readJsonText } from './json-reader.js';

/** Parses the text of one file; `file` names it in results and errors, and its extension picks CSV or JSON. */
export function parseImportText(file: string, text: string): ParsedFile {
  const body = text.replace(/^\uFEFF/, '');
  assertImportableText(file, body);
  const collector = new ImportCollector(file);
  if (textFormatOf(file, body) === 'csv') {
    readCsvText(body, collector);
    return collector.finish('csv');
  }
  const layout = jsonLayoutOf(body);
  readJsonText(body, layout, collector);
  return collector.finish(layout === 'lines' ? 'jsonl' : 'json');
}

async function readHead(path: string): Promise<Uint8Array> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(headBytes);
      const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    throw new SocbotError('BadInput', `${path}: ${reason}.`, { cause: error });
  }
}

/**
 * Reads and parses one file. CSV and JSON Lines are streamed record by record (files of hundreds of MB); a JSON
 * array or object is read whole. Binary, compressed or empty files throw `SocbotError('BadInput')` naming the file.
 */
export async function parseImportFile(path: string): Promise<ParsedFile> {
  const { encoding, text: head } = sniffHead(path, await readHead(path));
  const collector = new ImportCollector(path);
  if (textFormatOf(path, head) === 'csv') {
    await readCsvFile(path, encoding, collector);
    return collector.finish('csv');
  }
  if (jsonLayoutOf(head) === 'lines') {
    await readJsonLinesFile(path, encoding, collector);
    return collector.finish('jsonl');
  }
  return parseImportText(path, await readFile(path, encoding));
}

async function collectFiles(folder: string, found: string[]): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    // Symbolic links to folders are not followed: a link cycle would never end.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile());
    if (entry.isDirectory()) await collectFiles(path, found);
    else if (isFile && isImportFileName(entry.name)) found.push(path);
  }
}

/**
 * The files an import of `pathOrFolder` reads: the file itself, or a folder's .csv / .json / .jsonl files,
 * recursively and sorted, without PROVENANCE / LICENSE / README files.
 */
export async function listImportFiles(pathOrFolder: string): Promise<string[]> {
  const info = await stat(pathOrFolder).catch(() => null);
  if (!info) throw new SocbotError('BadInput', `${pathOrFolder}: no such file or folder.`);
  if (!info.isDirectory()) return [pathOrFolder];
  const found: string[] = [];
  await collectFiles(pathOrFolder, found);
  return found.sort();
}
