/**
 * What people do in their sessions: browsers with their helper processes, Office documents, Teams, a command
 * prompt or PowerShell with a few commands, and on servers the admin consoles. Every process hangs off the
 * session's explorer.exe and runs in its logon session.
 */
import type { EventWriter } from './event-writer.js';
import type { HostActivity, UserSession } from './host-activity.js';
import type { ProcessRef } from './process-ref.js';
import { openCommandPrompt } from './user-sessions.js';
import { powershellImage, sys32 } from './windows-paths.js';

/** One burst of user activity in `session`. */
export type SessionEpisode = (w: EventWriter, h: HostActivity, session: UserSession, timeMs: number) => void;

const office = 'C:\\Program Files\\Microsoft Office\\root\\Office16';
const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';

/** A Chromium browser: the main process, its GPU and network helpers and a few renderers. */
export const browse: SessionEpisode = (w, h, s, t) => {
  const image = w.random.chance(0.6) ? chrome : edge;
  const main = w.spawn(h, s.shell, t, image, `"${image}" `);
  const trial = w.random.int(1_000, 9_999);
  const helper = (offset: number, args: string) =>
    w.spawn(
      h,
      main,
      t + offset,
      image,
      `"${image}" ${args} --field-trial-handle=${trial},i,${w.random.int(1e15, 9e15)},${w.random.int(1e15, 9e15)},262144 /prefetch:${w.random.int(1, 8)}`,
    );
  helper(
    120,
    '--type=gpu-process --gpu-preferences=UAAAAAAAAADgAAAYAAAAAAAAAAAAAAAAAABgAAAAAAAwAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= --mojo-platform-channel-handle=2040',
  );
  helper(
    180,
    '--type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=2264',
  );
  const renderers = w.random.int(1, 4);
  for (let i = 0; i < renderers; i++) {
    helper(
      400 + i * w.random.int(200, 30_000),
      `--type=renderer --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=${7 + i} --mojo-platform-channel-handle=${3000 + i * 44}`,
    );
  }
};

const documents = {
  'WINWORD.EXE': ['Meeting notes.docx', 'Contract draft v3.docx', 'Quarterly report.docx', 'Policy update.docx'],
  'EXCEL.EXE': ['FY25 forecast.xlsx', 'Expenses March.xlsx', 'Headcount.xlsx', 'Pipeline.xlsx'],
  'POWERPNT.EXE': ['All hands.pptx', 'Customer pitch.pptx'],
} as const;

/** Outlook, or a document opened from the user's OneDrive or a share. */
export const officeWork: SessionEpisode = (w, h, s, t) => {
  if (w.random.chance(0.3)) {
    w.spawn(h, s.shell, t, `${office}\\OUTLOOK.EXE`, `"${office}\\OUTLOOK.EXE" `);
    return;
  }
  const app = w.random.pick(['WINWORD.EXE', 'EXCEL.EXE', 'EXCEL.EXE', 'POWERPNT.EXE'] as const);
  const file = w.random.pick(documents[app]);
  const folder = w.random.chance(0.5) ? `C:\\Users\\${s.user.name}\\OneDrive - Contoso\\Documents` : '\\\\FS01\\Shared';
  w.spawn(h, s.shell, t, `${office}\\${app}`, `"${office}\\${app}" /n "${folder}\\${file}" /o ""`);
};

/** Teams and its WebView2 helpers. */
export const teams: SessionEpisode = (w, h, s, t) => {
  const teamsImage = 'C:\\Program Files\\WindowsApps\\MSTeams_24231.512.3106.6100_x64__8wekyb3d8bbwe\\ms-teams.exe';
  const main = w.spawn(h, s.shell, t, teamsImage, `"${teamsImage}" `);
  const webview = 'C:\\Program Files (x86)\\Microsoft\\EdgeWebView\\Application\\129.0.2792.79\\msedgewebview2.exe';
  const count = w.random.int(1, 3);
  for (let i = 0; i < count; i++) {
    w.spawn(
      h,
      main,
      t + 600 + i * 350,
      webview,
      `"${webview}" --embedded-browser-webview=1 --webview-exe-name=ms-teams.exe --user-data-dir="C:\\Users\\${s.user.name}\\AppData\\Local\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache\\Microsoft\\MSTeams\\EBWebView" --type=${i === 0 ? 'gpu-process' : 'renderer'} --mojo-platform-channel-handle=${1800 + i * 64}`,
    );
  }
};

const shellCommands = [
  ['ipconfig.exe', 'ipconfig  /all'],
  ['PING.EXE', 'ping  -n 4 fs01'],
  ['nslookup.exe', 'nslookup  sql01.contoso.local'],
  ['net.exe', 'net  use'],
  ['klist.exe', 'klist'],
  ['HOSTNAME.EXE', 'hostname'],
  ['gpupdate.exe', 'gpupdate  /force'],
  ['tracert.exe', 'tracert  -d 10.10.1.40'],
] as const;

/** A command prompt with its console host and a few everyday commands. */
export const commandPrompt: SessionEpisode = (w, h, s, t) => {
  runConsoleCommands(w, h, openCommandPrompt(w, h, s, t, false), t);
};

/** PowerShell, sometimes as administrator, with its console host. */
export const powerShell: SessionEpisode = (w, h, s, t) => {
  const asAdmin = s.adminElevation === '%%1937' && w.random.chance(0.6);
  const ps = w.spawn(
    h,
    s.shell,
    t,
    powershellImage,
    `"${powershellImage}" `,
    asAdmin ? { account: s.user, logonId: s.logonId, elevation: '%%1937' } : undefined,
  );
  w.conhost(h, ps, t + 25);
  runConsoleCommands(w, h, ps, t);
};

function runConsoleCommands(w: EventWriter, h: HostActivity, parent: ProcessRef, t: number): void {
  const count = w.random.int(0, 3);
  let at = t + w.random.int(4_000, 40_000);
  for (let i = 0; i < count; i++) {
    const [exe, command] = w.random.pick(shellCommands);
    w.spawn(h, parent, at, `${sys32}\\${exe}`, command);
    at += w.random.int(3_000, 90_000);
  }
}

const adminConsoles = {
  'domain-controller': ['dsa.msc', 'gpmc.msc', 'dnsmgmt.msc'],
  'file-server': ['fsmgmt.msc', 'diskmgmt.msc'],
  'sql-server': ['services.msc', 'eventvwr.msc'],
  'web-server': ['inetmgr', 'eventvwr.msc'],
  'remote-desktop': ['gpedit.msc', 'eventvwr.msc'],
  workstation: ['compmgmt.msc', 'devmgmt.msc'],
} as const;

/** An administrator on a server: a management console or Server Manager, elevated. */
export const adminConsole: SessionEpisode = (w, h, s, t) => {
  const elevated = { account: s.user, logonId: s.logonId, elevation: '%%1937' } as const;
  if (w.random.chance(0.3)) {
    w.spawn(h, s.shell, t, `${sys32}\\ServerManager.exe`, '"C:\\Windows\\system32\\ServerManager.exe" ', elevated);
    return;
  }
  const snapIn = w.random.pick(adminConsoles[h.host.role]);
  if (snapIn === 'inetmgr') {
    w.spawn(
      h,
      s.shell,
      t,
      `${sys32}\\inetsrv\\InetMgr.exe`,
      '"C:\\Windows\\system32\\inetsrv\\InetMgr.exe" ',
      elevated,
    );
    return;
  }
  w.spawn(
    h,
    s.shell,
    t,
    `${sys32}\\mmc.exe`,
    `"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\${snapIn}" `,
    elevated,
  );
};

/** Small desktop tools. */
export const desktopTool: SessionEpisode = (w, h, s, t) => {
  const [image, command] = w.random.pick([
    [`${sys32}\\notepad.exe`, '"C:\\Windows\\system32\\notepad.exe" '],
    [`${sys32}\\SnippingTool.exe`, '"C:\\Windows\\system32\\SnippingTool.exe" '],
    [`${sys32}\\mstsc.exe`, '"C:\\Windows\\system32\\mstsc.exe" '],
    ['C:\\Program Files\\7-Zip\\7zFM.exe', '"C:\\Program Files\\7-Zip\\7zFM.exe" '],
  ] as const);
  w.spawn(h, s.shell, t, image, command);
};

/** Developer tools on engineers' and IT workstations. */
export const developerTools: SessionEpisode = (w, h, s, t) => {
  const code = `C:\\Users\\${s.user.name}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe`;
  const editor = w.spawn(h, s.shell, t, code, `"${code}" `);
  const git = 'C:\\Program Files\\Git\\cmd\\git.exe';
  const gitCommands = ['git.exe fetch --prune', 'git.exe status -z -uall', 'git.exe pull --tags origin main'];
  const count = w.random.int(1, 4);
  for (let i = 0; i < count; i++) {
    const run = w.spawn(
      h,
      editor,
      t + 5_000 + i * w.random.int(20_000, 120_000),
      git,
      `"${git}" ${w.random.pick(gitCommands).slice(8)}`,
    );
    w.conhost(h, run, run.createdMs + 10);
  }
};
