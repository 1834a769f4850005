import { describe, expect, it } from 'vitest';
import {
  createSuffixCheck,
  hasIcannSuffix,
  lastLabel,
  looksLikeFileName,
} from '../../../src/analysis/iocs/tld-check.js';

describe('hasIcannSuffix (tldextract semantics, ICANN section only)', () => {
  it.each(['a.ps', 'domain.like', 'domain.like.uk', 'news.ycombinator.com', 'microsoft.com', 'domain[.]like[.]uk'])(
    '%s has a public suffix',
    (domain) => {
      expect(hasIcannSuffix(domain)).toBe(true);
    },
  );

  it.each(['server.local', 'file.txt', 'x.exe', 'domain.like.iandom', 'lsass.dmp', 'host.corp'])(
    '%s does not',
    (domain) => {
      expect(hasIcannSuffix(domain)).toBe(false);
    },
  );
});

describe('createSuffixCheck', () => {
  it('answers like hasIcannSuffix, memoised by last label', () => {
    const check = createSuffixCheck();
    for (const domain of ['a.COM', 'b.com', 'x.exe', 'y.EXE', 'z[.]uk']) {
      expect(check(domain), domain).toBe(hasIcannSuffix(domain));
    }
  });

  it('reads the last label of defanged names', () => {
    expect(lastLabel('evil[.]Com')).toBe('com');
    expect(lastLabel('evil.]org')).toBe('org');
  });
});

describe('looksLikeFileName (socbot rule, msticpy has none)', () => {
  it('takes one name plus a TLD-like extension for a file', () => {
    expect(looksLikeFileName('run.py', ' ')).toBe(true);
    expect(looksLikeFileName('update.zip', '')).toBe(true);
    expect(looksLikeFileName('Invoice.ONE', '"')).toBe(true);
  });

  it('takes any name right after a single / or \\ for a path component', () => {
    expect(looksLikeFileName('backup.tar.zip', 'tmp/')).toBe(true);
    expect(looksLikeFileName('sam.save.hiv', 'mp\\')).toBe(true);
  });

  it('keeps URL hosts, email domains, longer names and other TLDs as domains', () => {
    expect(looksLikeFileName('evil.zip', 'p://')).toBe(false);
    expect(looksLikeFileName('evil.sh', 'ser@')).toBe(false);
    expect(looksLikeFileName('evil.sh', '[at]')).toBe(false);
    expect(looksLikeFileName('cdn.example.zip', ' ')).toBe(false);
    expect(looksLikeFileName('evil.cc', '/')).toBe(false);
    expect(looksLikeFileName('fileserver.corp.com', '\\\\')).toBe(false);
  });
});
