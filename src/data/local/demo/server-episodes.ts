/**
 * What the servers do for a living: IIS recycles its worker and compiles ASP.NET pages, SQL Server Agent runs
 * maintenance jobs, and a batch logon runs the nightly backup script.
 */
import type { Episode } from './episode.js';
import type { EventWriter } from './event-writer.js';
import type { HostActivity } from './host-activity.js';
import type { DemoCatalog } from './host-catalog.js';
import { defaultAppPoolIdentity } from './identities.js';
import { powershellImage, sys32 } from './windows-paths.js';

const netFramework = 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319';

/** The app pool logs on (type 5) and WAS starts a fresh w3wp.exe in that session. */
export function startIisWorker(w: EventWriter, h: HostActivity, t: number): void {
  const activation = h.host.processes.iisActivation;
  if (!activation) return;
  if (h.iisWorker) h.release(h.iisWorker.pid);
  const logonId = w.logon(h, t, {
    type: 5,
    target: defaultAppPoolIdentity,
    logonProcess: 'Advapi  ',
    authPackage: 'Negotiate',
    ip: '-',
    port: '-',
    workstation: '-',
    caller: activation,
    elevated: true,
  });
  const worker = w.spawn(
    h,
    activation,
    t + w.random.int(20, 200),
    'C:\\Windows\\System32\\inetsrv\\w3wp.exe',
    'C:\\Windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm' +
      `${w.random.guid()} -h "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config" -w "" -m 0 -t 20 -ta 0`,
    { account: defaultAppPoolIdentity, logonId, elevation: '%%1936' },
  );
  h.hold(worker.pid);
  h.iisWorker = worker;
}

/** ASP.NET compiles a page on first hit after a deployment or recycle: w3wp → csc.exe → cvtres.exe. */
export const aspNetCompile: Episode = (w, h, timeMs) => {
  const worker = h.iisWorker;
  if (!worker) return startIisWorker(w, h, timeMs);
  // Episode times jitter by seconds; a page is never compiled before its worker exists.
  const t = Math.max(timeMs, worker.createdMs + 1_000);
  const dir = `${netFramework}\\Temporary ASP.NET Files\\root\\${w.random.hex(8)}\\${w.random.hex(8)}`;
  const unit = w.random.hex(8);
  const csc = w.spawn(
    h,
    worker,
    t,
    `${netFramework}\\csc.exe`,
    `"${netFramework}\\csc.exe" /noconfig /fullpaths @"${dir}\\${unit}.cmdline"`,
  );
  w.conhost(h, csc, t + 8);
  w.spawn(
    h,
    csc,
    t + w.random.int(300, 900),
    `${netFramework}\\cvtres.exe`,
    `C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\cvtres.exe /NOLOGO /READONLY /MACHINE:IX86 "/OUT:C:\\Windows\\TEMP\\RES${w.random.hex(4).toUpperCase()}.tmp" "c:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\root\\${unit}\\CSC${w.random.hex(8).toUpperCase()}.TMP"`,
  );
};

/** The nightly recycle, and the scheduled clean-up of old IIS logs. */
export const iisMaintenance: Episode = (w, h, t) => {
  if (w.random.chance(0.5)) return startIisWorker(w, h, t);
  const ps = w.spawn(
    h,
    h.host.processes.schedule,
    t,
    powershellImage,
    '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -ExecutionPolicy Bypass -File "C:\\Scripts\\Remove-OldIisLogs.ps1" -Days 30',
  );
  w.conhost(h, ps, t + 15);
};

const agentJobs = [
  "EXECUTE dbo.DatabaseIntegrityCheck @Databases = 'USER_DATABASES', @LogToTable = 'Y'",
  "EXECUTE dbo.IndexOptimize @Databases = 'USER_DATABASES', @FragmentationLow = NULL, @LogToTable = 'Y'",
  "EXECUTE dbo.DatabaseBackup @Databases = 'USER_DATABASES', @Directory = N'\\\\FS01\\sqlbackup', @BackupType = 'LOG', @Verify = 'Y'",
  'EXECUTE dbo.CommandLogCleanup @CleanupTime = 720',
];

/** SQL Server Agent runs a maintenance job step with SQLCMD, in the SQL service's session. */
export const sqlAgentJob: Episode = (w, h, t) => {
  const agent = h.host.processes.sqlAgent;
  if (!agent) return;
  const sqlcmd = 'C:\\Program Files\\Microsoft SQL Server\\Client SDK\\ODBC\\170\\Tools\\Binn\\SQLCMD.EXE';
  const job = w.spawn(
    h,
    agent,
    t,
    sqlcmd,
    `"${sqlcmd}" -E -S ${h.host.name} -d master -Q "${w.random.pick(agentJobs)}" -b`,
  );
  w.conhost(h, job, t + 6);
};

/** The nightly backup: a batch logon of the backup account, then its script and robocopy runs. */
export function nightlyBackup(catalog: DemoCatalog): Episode {
  return (w, h, t) => {
    const { schedule } = h.host.processes;
    const account = catalog.services.backup;
    const logonId = w.logon(h, t, {
      type: 4,
      target: account,
      logonProcess: 'Advapi  ',
      authPackage: 'Negotiate',
      ip: '-',
      port: '-',
      workstation: '-',
      caller: schedule,
      elevated: true,
    });
    const script = w.spawn(
      h,
      schedule,
      t + 150,
      `${sys32}\\cmd.exe`,
      'C:\\Windows\\system32\\cmd.exe /c "C:\\Scripts\\nightly-backup.cmd"',
      {
        account,
        logonId,
        elevation: '%%1937',
      },
    );
    w.conhost(h, script, t + 170);
    const source = h.host.role === 'sql-server' ? 'E:\\MSSQL\\Backup' : 'D:\\Shares';
    let at = t + 2_000;
    for (const folder of h.host.role === 'sql-server' ? ['FULL', 'LOG'] : ['Finance', 'HR', 'Projects']) {
      w.spawn(
        h,
        script,
        at,
        `${sys32}\\Robocopy.exe`,
        `robocopy  "${source}\\${folder}" "\\\\BACKUP01\\${h.host.name}\\${folder}" /MIR /R:1 /W:5 /NP /LOG+:C:\\Scripts\\Logs\\backup.log`,
      );
      at += w.random.int(60_000, 600_000);
    }
    w.spawn(
      h,
      script,
      at,
      powershellImage,
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\Rotate-BackupLogs.ps1',
    );
  };
}
