/**
 * Step windows (defaults, user windows, the lookback limit, the origin's fallbacks) and host contexts.
 */
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../../../src/core/alert.js';
import {
  alertHost,
  hostContextAlert,
  isHostContext,
  originName,
  targetRef,
} from '../../../src/investigation/steps/step-target.js';
import { hostWindowParams, stepWindow, windowSubtitle } from '../../../src/investigation/steps/step-windows.js';

const minute = 60_000;
const day = 86_400_000;
const now = new Date('2024-05-01T12:00:00Z');
const alert = parseAlert({
  SystemAlertId: 'a-1',
  AlertName: 'Test',
  TimeGenerated: '2024-04-30T08:00:00Z',
  StartTimeUtc: '2024-04-30T07:59:00Z',
  Entities: [{ $id: '1', Type: 'host', HostName: 'WEB01', DnsDomain: 'contoso.com' }],
});
const at = (iso: string) => new Date(iso);

describe('stepWindow', () => {
  it("uses the notebook's default around the alert's TimeGenerated", () => {
    const window = stepWindow({ alert, now: () => now }, 'related');
    expect(window).toMatchObject({ start: at('2024-04-25T08:00:00Z'), end: at('2024-05-01T08:00:00Z') });
    expect(window.relative).toEqual({ before: 5 * day, after: day });
    expect(window.label).toBe('2024-04-25 08:00:00Z → 2024-05-01 08:00:00Z (-5d..+1d around the alert)');
    expect(window.warnings).toEqual([]);
    expect(stepWindow({ alert, now: () => now }, 'tree').relative).toEqual({ before: 60 * minute, after: 10 * minute });
    expect(stepWindow({ alert, now: () => now }, 'logons').relative).toEqual({ before: day, after: 0 });
  });

  it("replaces the default with the user's window", () => {
    const window = stepWindow({ alert, now: () => now, window: { before: 2 * day, after: 0 } }, 'related');
    expect(window).toMatchObject({ start: at('2024-04-28T08:00:00Z'), end: at('2024-04-30T08:00:00Z') });
  });

  it('never reaches further back than 28 days, and says so', () => {
    const longer = stepWindow({ alert, now: () => now, window: { before: 40 * day, after: day } }, 'related');
    expect(longer.relative).toEqual({ before: 28 * day, after: day });
    expect(longer.warnings).toEqual(['Windows reach at most 28d back; -40d..+1d was shortened.']);
    // A window wholly beyond the limit becomes "from the limit up to the origin".
    const beyond = stepWindow({ alert, now: () => now, window: { before: 40 * day, after: -30 * day } }, 'related');
    expect(beyond.relative).toEqual({ before: 28 * day, after: 0 });
    expect(beyond.start.getTime()).toBeLessThan(beyond.end.getTime());
  });

  it('falls back to the start time, then to now with a warning', () => {
    const noTime = parseAlert({ SystemAlertId: 'b', StartTimeUtc: '2024-04-30T07:59:00Z' });
    expect(stepWindow({ alert: noTime, now: () => now }, 'logons').end).toEqual(at('2024-04-30T07:59:00Z'));
    const timeless = parseAlert({ SystemAlertId: 'c' });
    const window = stepWindow({ alert: timeless, now: () => now }, 'logons');
    expect(window.end).toEqual(now);
    expect(window.label).toContain('around now');
    expect(window.warnings).toEqual(['The alert has no time; the window is relative to now.']);
  });

  it('builds subtitles with the host, and host query parameters in one shape', () => {
    const window = stepWindow({ alert, now: () => now }, 'logons');
    expect(windowSubtitle({ alert }, window)).toBe(`WEB01 · ${window.label}`);
    expect(hostWindowParams('WEB01', window)).toEqual({ start: window.start, end: window.end, host_name: 'WEB01' });
  });
});

describe('host contexts', () => {
  it('turn a host into a minimal Alert that every step can run on, windows relative to now', () => {
    const host = hostContextAlert('WORKSTATION6', now);
    expect(host).toMatchObject({ id: '', hostName: 'WORKSTATION6', osFamily: 'Windows', timeGenerated: now });
    expect(host.warnings).toEqual([]);
    expect(isHostContext(host)).toBe(true);
    expect(targetRef(host)).toBe('host WORKSTATION6');
    expect(originName(host)).toBe('now');
    expect(stepWindow({ alert: host, now: () => now }, 'logons').label).toBe(
      '2024-04-30 12:00:00Z → 2024-05-01 12:00:00Z (-1d..+0m around now)',
    );
  });

  it('leave real alerts addressed by id, with the short host name for queries', () => {
    expect(isHostContext(alert)).toBe(false);
    expect(targetRef(alert)).toBe('a-1');
    expect(alertHost(alert)).toBe('WEB01');
    expect(alertHost(parseAlert({ SystemAlertId: 'd', CompromisedEntity: 'db01.contoso.com' }))).toBe(
      'db01.contoso.com',
    );
    expect(alertHost(parseAlert({ SystemAlertId: 'e' }))).toBeNull();
  });
});
