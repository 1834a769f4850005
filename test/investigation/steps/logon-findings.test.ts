/**
 * The logon verdict signals on hand-made 4624/4625 rows: unusual logon types per account, public source
 * addresses, password spray / brute force and a success afterwards, and failure reasons in words.
 */
import { describe, expect, it } from 'vitest';
import { emptySecurityEvent, type SecurityEventRow } from '../../../src/core/rows.js';
import { failureReason, statusCodes } from '../../../src/investigation/steps/logon-failure-reasons.js';
import {
  externalLogonFindings,
  failedLogonFindings,
  isServiceIdentity,
  logonAccount,
  sourceAddress,
  unusualLogonTypeFindings,
} from '../../../src/investigation/steps/logon-findings.js';

const t0 = Date.parse('2024-03-01T10:00:00Z');

function logon(minute: number, fields: Partial<SecurityEventRow>, eventId = 4624): SecurityEventRow {
  return Object.assign(
    emptySecurityEvent({ TimeGenerated: new Date(t0 + minute * 60_000), Computer: 'WEB01', EventID: eventId }),
    fields,
  );
}

const alice = (minute: number, type: number, extra: Partial<SecurityEventRow> = {}) =>
  logon(minute, { Account: 'CONTOSO\\alice', TargetUserSid: 'S-1-5-21-1-2-3-1104', LogonType: type, ...extra });

describe('logonAccount, sourceAddress, isServiceIdentity', () => {
  it('reads the account from Account, else the target columns, without an unknown `-` domain', () => {
    expect(logonAccount(logon(0, { Account: 'CONTOSO\\alice' }))).toBe('CONTOSO\\alice');
    expect(logonAccount(logon(0, { Account: '#NAME?', TargetDomainName: '-', TargetUserName: 'wembli' }))).toBe(
      'wembli',
    );
    expect(logonAccount(logon(0, { TargetUserName: 'bob' }))).toBe('bob');
    expect(logonAccount(logon(0, {}))).toBeNull();
  });

  it('takes only remote machines as sources', () => {
    for (const local of [null, '', '-', '::1', '127.0.0.1', '  '])
      expect(sourceAddress({ IpAddress: local })).toBeNull();
    expect(sourceAddress({ IpAddress: ' 10.1.2.3 ' })).toBe('10.1.2.3');
  });

  it('recognises system, service, window-manager and machine accounts', () => {
    expect(isServiceIdentity(logon(0, { TargetUserSid: 'S-1-5-18' }))).toBe(true);
    expect(isServiceIdentity(logon(0, { TargetUserSid: 'S-1-5-90-0-2' }))).toBe(true);
    expect(isServiceIdentity(logon(0, { Account: 'CONTOSO\\WEB01$' }))).toBe(true);
    expect(isServiceIdentity(alice(0, 2))).toBe(false);
  });
});

describe('unusualLogonTypeFindings', () => {
  it('flags the remote logons of an account that otherwise logs on at the machine, and the alert session', () => {
    const rows = [
      alice(0, 2),
      alice(5, 2),
      alice(9, 7),
      alice(30, 10, { IpAddress: '203.0.113.9', TargetLogonId: '0xbeef' }),
    ];
    const [finding, ...rest] = unusualLogonTypeFindings(rows, '0xbeef');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ leaning: 'malicious', stepId: 'host-logons' });
    expect(finding?.reason).toBe(
      'CONTOSO\\alice logged on as RemoteInteractive (10) 1 time, but otherwise logs on Interactive (2) ×2, Unlock (7) ×1 — one of them is the alert session.',
    );
    expect(finding?.evidence).toBe('2024-03-01 10:30:00Z from 203.0.113.9');
  });

  it('leaves alone accounts that mostly log on remotely, only locally, and service identities', () => {
    const rows = [
      alice(0, 3),
      alice(1, 3),
      alice(2, 2),
      logon(3, { Account: 'NT AUTHORITY\\SYSTEM', TargetUserSid: 'S-1-5-18', LogonType: 5 }),
      logon(4, { Account: 'NT AUTHORITY\\SYSTEM', TargetUserSid: 'S-1-5-18', LogonType: 3 }),
      logon(5, { Account: 'CONTOSO\\bob', LogonType: 2 }),
      logon(6, { Account: 'CONTOSO\\carol', LogonType: null }),
    ];
    expect(unusualLogonTypeFindings(rows, null)).toEqual([]);
  });
});

describe('externalLogonFindings', () => {
  it('reports public addresses once each, never private, link-local or loopback ones', () => {
    const rows = [
      alice(0, 10, { IpAddress: '203.0.113.9' }), // documentation range: not global
      alice(1, 3, { IpAddress: '90.156.201.27' }),
      alice(2, 3, { IpAddress: '90.156.201.27' }),
      alice(3, 3, { IpAddress: '10.0.0.5' }),
      alice(4, 3, { IpAddress: 'fe80::38dc:e4a9:61bd:b458' }),
      alice(5, 3, { IpAddress: 'not an ip' }),
    ];
    expect(externalLogonFindings(rows)).toEqual([
      {
        leaning: 'malicious',
        reason: '2 logons came from the public address 90.156.201.27.',
        evidence: 'CONTOSO\\alice · Network (3)',
        stepId: 'host-logons',
      },
    ]);
  });
});

describe('failedLogonFindings', () => {
  const fail = (minute: number, user: string, ip: string) =>
    logon(minute, { TargetUserName: user, TargetDomainName: '-', IpAddress: ip, LogonType: 3 }, 4625);

  it('sees a password spray, then the success from the same address', () => {
    const failures = ['admin', 'backup', 'sql', 'test', 'user'].map((user, i) => fail(i, user, '45.130.145.159'));
    const success = logon(10, {
      Account: 'WEB01\\backup',
      IpAddress: '45.130.145.159',
      LogonType: 3,
      TargetLogonId: '0x1',
    });
    const before = logon(-5, { Account: 'WEB01\\backup', IpAddress: '45.130.145.159', LogonType: 3 });
    const [spray, succeeded, ...rest] = failedLogonFindings(failures, [before, success]);
    expect(rest).toEqual([]);
    expect(spray).toMatchObject({
      leaning: 'malicious',
      reason: 'Password spray: 45.130.145.159 failed 5 times against 5 accounts.',
      evidence: 'admin, backup, sql, test, user',
    });
    expect(succeeded?.reason).toBe(
      'After those failures, a logon from 45.130.145.159 succeeded: WEB01\\backup at 2024-03-01 10:10:00Z.',
    );
  });

  it('sees brute force on one account, and ignores a few failures or local ones', () => {
    const brute = Array.from({ length: 10 }, (_, i) => fail(i, 'admin', '87.120.112.181'));
    expect(failedLogonFindings(brute, [])[0]?.reason).toBe(
      'Brute force: 87.120.112.181 failed 10 times against 1 account.',
    );
    const few = [
      fail(0, 'a', '87.120.112.181'),
      fail(1, 'b', '87.120.112.181'),
      fail(2, 'c', '-'),
      fail(3, 'd', '::1'),
    ];
    // A few failures per address are typos and internet background noise: one summary line, nothing raised.
    const findings = failedLogonFindings(few, []);
    expect(findings.filter((f) => f.leaning !== 'info')).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.reason).toMatch(/^1 other address failed a few times each \(2 failures in all\)/);
  });

  it('a success after a few failures is a typo inside the network, but worth saying from the internet', () => {
    const typo = [fail(0, 'alice', '10.0.0.5')];
    const fromInside = logon(5, { Account: 'CONTOSO\\alice', IpAddress: '10.0.0.5', LogonType: 3 });
    expect(failedLogonFindings(typo, [fromInside]).filter((f) => f.leaning === 'malicious')).toEqual([]);
    const probe = [fail(0, 'admin', '45.130.145.159'), fail(1, 'backup', '45.130.145.159')];
    const fromOutside = logon(5, { Account: 'WEB01\\backup', IpAddress: '45.130.145.159', LogonType: 3 });
    const reasons = failedLogonFindings(probe, [fromOutside]).map((f) => `${f.leaning}: ${f.reason}`);
    expect(reasons[0]).toBe(
      'info: Failed logons from a public address: 45.130.145.159 failed 2 times against 2 accounts.',
    );
    expect(reasons[1]).toMatch(/^malicious: After those failures, a logon from 45\.130\.145\.159 succeeded/);
  });
});

describe('failureReason and statusCodes', () => {
  it('prefers SubStatus, then Status, then FailureReason (message ids in words)', () => {
    expect(failureReason({ Status: '0xC000006D', SubStatus: '0xC000006A', FailureReason: '%%2313' })).toBe(
      'wrong password',
    );
    expect(failureReason({ Status: '0xc000006d', SubStatus: '0x0', FailureReason: null })).toBe(
      'bad user name or password',
    );
    expect(failureReason({ Status: '0xdeadbeef', SubStatus: null, FailureReason: '%%2307' })).toBe(
      'account locked out',
    );
    expect(failureReason({ Status: null, SubStatus: null, FailureReason: 'Some text' })).toBe('Some text');
    expect(failureReason({ Status: null, SubStatus: null, FailureReason: null })).toBe('');
    expect(statusCodes({ Status: '0xc000006d', SubStatus: '0x0' })).toBe('0xc000006d');
    expect(statusCodes({ Status: '0xc000006d', SubStatus: '0xc0000064' })).toBe('0xc000006d / 0xc0000064');
  });
});
