/**
 * Real command lines from the shared datasets, read through socbot's own importer (never copied into the repo):
 * the Empire launcher, the comsvcs lsass dump and the remote SYSTEM scheduled task (Security-Datasets), and the
 * FTP alert host's encoded PowerShell (msticpy's demo data, complete in processes_on_host.csv, partly redacted
 * in process_tree.csv).
 */
import { parseImportFile } from '../../../src/data/local/import/index.js';
import { sharedFile } from '../../helpers/shared-data.js';

/** The command lines of a shared-data file's events that match `pattern`, in file order, without repeats. */
export async function realCommandLines(file: string, pattern: RegExp): Promise<string[]> {
  const parsed = await parseImportFile(sharedFile(file));
  return [...new Set(parsed.events.map((e) => e.CommandLine ?? '').filter((line) => pattern.test(line)))];
}

/** The first command line matching `pattern` (the test fails when there is none). */
export async function realCommandLine(file: string, pattern: RegExp): Promise<string> {
  const [line] = await realCommandLines(file, pattern);
  if (line === undefined) throw new Error(`no command line matching ${pattern} in ${file}`);
  return line;
}

export const empireLauncherFile = 'security-datasets/empire_launcher_vbs_2020-09-04160940.json';
export const lsassDumpFile = 'security-datasets/psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json';
export const remoteTaskFile = 'security-datasets/schtask_create_2020-12-1907003032.json';
export const empireTaskFile = 'security-datasets/empire_schtasks_creation_standard_user_2020-09-21031526.json';
export const hostProcessesFile = 'msticpy/processes_on_host.csv';
export const processTreeFile = 'msticpy/process_tree.csv';

/** The miner command line of socbot's demo story (modelled on real XMRig masquerading as svchost). */
export const minerCommandLine =
  'c:\\w!ndows\\system32\\suchost.exe -a cryptonight -o stratum+tcp://pool.example.org:3333 -u x -p x';

/** A benign service host, as Windows starts it. */
export const benignServiceHost = 'C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule';

/** PowerShell's `-EncodedCommand` form of a script: base64 of its UTF-16LE bytes. */
export function encodePowerShell(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}
