import { describe, expect, it } from 'vitest';
import { explainSid, wellKnownSids } from '../../../src/analysis/logons/well-known-sids.js';
import { haveMsticpyData, readCases } from '../cluster/msticpy-data.js';

interface SidCases {
  well_known_sids: Record<string, string>;
  sid_cases: { sid: string; observed_lines: string[] }[];
}

const cases = haveMsticpyData ? readCases<SidCases>('logon_display_cases.json') : undefined;
const msticpyLines = (lines: string[]) => lines.map((line) => `&nbsp;&nbsp;${line}`);
// The one msticpy case socbot answers differently on purpose (msticpy-facts §j.9).
const suffixBugSid = 'S-1-5-21-1-2-3-1500';

describe.skipIf(!haveMsticpyData)('explainSid reproduces msticpy _format_sid_info', () => {
  it('knows the same well-known SIDs', () => {
    expect({ ...wellKnownSids }).toEqual(cases!.well_known_sids);
  });

  it.each(cases?.sid_cases.filter((c) => c.sid !== suffixBugSid) ?? [])('$sid', ({ sid, observed_lines }) => {
    expect(msticpyLines(explainSid(sid))).toEqual(observed_lines);
  });
});

describe('explainSid fixes msticpy suffix test (deliberate difference, §j.9)', () => {
  it('RID 1500 is not the administrator (msticpy says it is: plain string suffix "500")', () => {
    const sid = suffixBugSid;
    if (cases) {
      expect(cases.sid_cases.find((c) => c.sid === sid)!.observed_lines).toContain(
        `&nbsp;&nbsp;SID ${sid} is administrator`,
      );
    }
    expect(explainSid(sid)).toEqual([`SID ${sid} is local machine or domain account`]);
  });

  it('only the last component counts for guest too', () => {
    expect(explainSid('S-1-5-21-1-2-3-2501')).toEqual(['SID S-1-5-21-1-2-3-2501 is local machine or domain account']);
    expect(explainSid('S-1-5-21-1-2-3-501')[0]).toBe('SID S-1-5-21-1-2-3-501 is guest');
  });

  it('says nothing for missing SIDs', () => {
    expect(explainSid(null)).toEqual([]);
    expect(explainSid('')).toEqual([]);
  });
});
