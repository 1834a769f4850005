/**
 * Well-known Windows binaries and the folders they run from, and how an image path is split into folder and file
 * name for comparing with them (drive letter, `\??\` prefixes and `%SystemRoot%` made uniform).
 */

const system32 = '\\Windows\\System32';
const syswow64 = '\\Windows\\SysWOW64';
const both = [system32, syswow64];
const wbem = [`${system32}\\wbem`, `${syswow64}\\wbem`];
const powershellHome = [`${system32}\\WindowsPowerShell\\v1.0`, `${syswow64}\\WindowsPowerShell\\v1.0`];

/**
 * Processes malware imitates by name (masquerading): a name within a small edit distance of one of these is
 * suspicious, and these names outside their folders are too. Expected folders are written without a drive.
 */
export const coreBinaries: ReadonlyMap<string, readonly string[]> = new Map([
  ['svchost.exe', both],
  ['lsass.exe', [system32]],
  ['csrss.exe', [system32]],
  ['services.exe', [system32]],
  ['smss.exe', [system32]],
  ['winlogon.exe', [system32]],
  ['wininit.exe', [system32]],
  ['explorer.exe', ['\\Windows', syswow64]],
  ['rundll32.exe', both],
  ['spoolsv.exe', [system32]],
  ['taskhostw.exe', [system32]],
  ['taskhost.exe', [system32]],
  ['conhost.exe', [system32]],
  ['dllhost.exe', both],
  ['lsm.exe', [system32]],
  ['userinit.exe', both],
  ['dwm.exe', [system32]],
  ['sihost.exe', [system32]],
  ['ctfmon.exe', both],
  ['wmiprvse.exe', wbem],
  ['searchindexer.exe', both],
  ['taskmgr.exe', both],
  ['regsvr32.exe', both],
]);

/** System tools attackers copy elsewhere (to dodge path-based rules): outside their folders they are suspicious. */
export const systemTools: ReadonlyMap<string, readonly string[]> = new Map([
  ['cmd.exe', both],
  ['powershell.exe', powershellHome],
  ['mshta.exe', both],
  ['wscript.exe', both],
  ['cscript.exe', both],
  ['certutil.exe', both],
  ['schtasks.exe', both],
  ['wmic.exe', wbem],
  ['ftp.exe', both],
  ['bitsadmin.exe', both],
  ['msiexec.exe', both],
  ['net.exe', both],
  ['net1.exe', both],
  ['reg.exe', both],
  ['whoami.exe', both],
  ['tasklist.exe', both],
  ['vssadmin.exe', both],
  ['wevtutil.exe', both],
]);

/** Real Windows binaries whose names are close to a core binary's (never reported as look-alikes). */
const closeButGenuine = [
  'iexplore.exe',
  'taskhostex.exe',
  'dashost.exe',
  'lsaiso.exe',
  'fontdrvhost.exe',
  'wudfhost.exe',
  'backgroundtaskhost.exe',
  'searchprotocolhost.exe',
  'searchfilterhost.exe',
  'taskeng.exe',
  'wmiapsrv.exe',
  'regsvcs.exe',
];

/** Every name known to be a genuine Windows binary. */
export const genuineNames: ReadonlySet<string> = new Set([
  ...coreBinaries.keys(),
  ...systemTools.keys(),
  ...closeButGenuine,
]);

/** Folders where Windows keeps side-by-side copies of system binaries (any binary may legitimately run there). */
const componentStore = '\\windows\\winsxs\\';

/** An image path split for comparison. */
export interface ImagePath {
  /** The path as given, without surrounding quotes. */
  original: string;
  /** Lower-case folder without drive or UNC host (`\windows\system32`); null when the path has no folder. */
  folder: string | null;
  /** The file name, case kept. */
  fileName: string;
  /** True when the path starts at a drive or share, so its folder can be compared with a system folder. */
  absolute: boolean;
}

/**
 * Splits an image path: quotes trimmed, `/` read as `\`, `\??\` and `\\?\` dropped, `%SystemRoot%`, `%windir%`
 * and `\SystemRoot\` read as `C:\Windows`.
 * @example parseImagePath('\\??\\C:\\Windows\\system32\\conhost.exe').folder // '\\windows\\system32'
 */
export function parseImagePath(path: string): ImagePath {
  const original = path.trim().replace(/^"(.*)"$/s, '$1');
  let text = original.replace(/\//g, '\\');
  text = text.replace(/^\\(?:\?\?|\\\?)\\/, '');
  text = text.replace(/^%(?:systemroot|windir)%/i, 'C:\\Windows').replace(/^\\systemroot(?=\\)/i, 'C:\\Windows');
  const lastSlash = text.lastIndexOf('\\');
  const fileName = text.slice(lastSlash + 1);
  if (lastSlash < 0) return { original, folder: null, fileName, absolute: false };
  const rooted = /^(?:[a-z]:|\\\\[^\\]+\\[^\\]+)(?=\\)/i.exec(text);
  const folderText = text.slice(rooted ? rooted[0].length : 0, lastSlash).replace(/\\{2,}/g, '\\');
  return { original, folder: folderText.toLowerCase() || '\\', fileName, absolute: rooted !== null };
}

/** True when the (lower-case) folder is one of `expected` or inside Windows' component store. */
export function inExpectedFolder(folder: string, expected: readonly string[]): boolean {
  return expected.some((e) => e.toLowerCase() === folder) || `${folder}\\`.startsWith(componentStore);
}
