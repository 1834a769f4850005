/**
 * A host's boot at the start of the week: the service sessions log on and the long-lived processes start, so
 * every later parent (services.exe, the svchost groups, sqlservr, w3wp) has its own creation event.
 */
import type { EventWriter } from './event-writer.js';
import type { HostActivity } from './host-activity.js';
import { fontDriverIdentity, windowManagerIdentity } from './identities.js';
import { startIisWorker } from './server-episodes.js';
import { systemServiceLogon } from './system-episodes.js';
import { bootCreationOrder } from './system-processes.js';
import { sys32 } from './windows-paths.js';

/** Writes the boot of `h` at its `bootMs`. */
export function bootHost(w: EventWriter, h: HostActivity): void {
  const { host } = h;
  const p = host.processes;
  for (const [parent, child] of bootCreationOrder(p)) {
    // The first SYSTEM service logon comes once lsass is up, as the first service starts.
    if (child === p.dcomLaunch) systemServiceLogon(w, h, child.createdMs - 5);
    if (child === p.sqlServer && host.sqlServiceLogonId) {
      w.logonWithId(h, child.createdMs - 40, host.sqlServiceLogonId, {
        type: 5,
        target: child.account,
        logonProcess: 'Advapi  ',
        authPackage: 'Negotiate',
        ip: '-',
        port: '-',
        workstation: '-',
        caller: p.services,
        elevated: true,
      });
    }
    w.created(h, parent, child);
  }
  // The console session's window manager and font driver run under virtual accounts with their own logons.
  const sessionAt = p.dcomLaunch.createdMs + 300;
  for (const [identity, image, command, creator] of [
    [fontDriverIdentity, `${sys32}\\fontdrvhost.exe`, '"fontdrvhost.exe"', p.wininit],
    [windowManagerIdentity, `${sys32}\\dwm.exe`, '"dwm.exe"', p.winlogon],
  ] as const) {
    const logonId = w.logon(h, sessionAt, {
      type: 2,
      target: identity,
      logonProcess: 'Advapi  ',
      authPackage: 'Negotiate',
      ip: '-',
      port: '-',
      workstation: '-',
      caller: creator,
      elevated: true,
    });
    const process = w.spawn(h, creator, sessionAt + 20, image, command, {
      account: identity,
      logonId,
      elevation: '%%1936',
    });
    h.hold(process.pid);
  }
  if (p.iisActivation) startIisWorker(w, h, (p.sqlAgent ?? p.iisActivation).createdMs + 15_000);
}
