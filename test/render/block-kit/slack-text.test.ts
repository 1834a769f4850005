import { describe, expect, it } from 'vitest';
import {
  codeText,
  cutMrkdwn,
  escapeSlack,
  escapeWithin,
  fence,
  literalMrkdwn,
  literalWithin,
  markdownToMrkdwn,
  markdownToPlain,
  splitMrkdwn,
} from '../../../src/render/block-kit/slack-text.js';

describe('escapeSlack', () => {
  it('escapes the three control characters so mentions and pings stay text', () => {
    expect(escapeSlack('<!channel> & <@U123> <#C1|x>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;#C1|x&gt;');
  });

  it('escapes an existing entity again, so it shows as typed', () => {
    expect(escapeSlack('&amp;')).toBe('&amp;amp;');
  });
});

describe('markdownToMrkdwn', () => {
  it('turns **bold** and __bold__ into *bold*', () => {
    expect(markdownToMrkdwn('**137 other alerts** and __more__')).toBe('*137 other alerts* and *more*');
  });

  it('keeps `code` and escapes inside it', () => {
    expect(markdownToMrkdwn('ran `cmd /c a<b & c`')).toBe('ran `cmd /c a&lt;b &amp; c`');
  });

  it('turns absolute links into <url|text>, escaping both; relative links keep only their text', () => {
    expect(markdownToMrkdwn('[VirusTotal](https://vt.example/q?a=1&b=2)')).toBe(
      '<https://vt.example/q?a=1&amp;b=2|VirusTotal>',
    );
    expect(markdownToMrkdwn('[the chart](/charts/abc.png)')).toBe('the chart');
    expect(markdownToMrkdwn('[a|b](https://x.example/|y)')).toBe('<https://x.example/%7Cy|a¦b>');
  });

  it('turns headings into bold lines and list items into bullets', () => {
    expect(markdownToMrkdwn('## Next steps\n- `tree <id>`\n* one')).toBe('*Next steps*\n• `tree &lt;id&gt;`\n• one');
  });

  it('keeps ``` fences and escapes the code between them without formatting it', () => {
    expect(markdownToMrkdwn('```\n**x** <y>\n```')).toBe('```\n**x** &lt;y&gt;\n```');
  });

  it('never lets a mention through, whatever the markup around it', () => {
    const out = markdownToMrkdwn('**<!here>** `<@U123>` [<!channel>](https://x.example) <!subteam^S1>');
    expect(out).not.toMatch(/<[!@#]/);
    expect(out).toContain('&lt;!here&gt;');
  });
});

describe('cutMrkdwn', () => {
  it('leaves short text alone and cuts long text with an ellipsis within the limit', () => {
    expect(cutMrkdwn('abc', 3)).toBe('abc');
    const cut = cutMrkdwn('abcdefghij', 5);
    expect(cut).toBe('abcd…');
    expect(cut.length).toBeLessThanOrEqual(5);
  });

  it('never splits an entity or a link', () => {
    expect(cutMrkdwn('ab&amp;cdef', 5)).toBe('ab…');
    expect(cutMrkdwn('see <https://x.example/long|link> now', 12)).toBe('see …');
  });

  it('never splits a surrogate pair', () => {
    const cut = cutMrkdwn('ab😀cd', 4);
    expect(cut).toBe('ab…');
  });
});

describe('escapeWithin', () => {
  it('cuts by escaped length, even for text made of characters that grow when escaped', () => {
    const out = escapeWithin('<'.repeat(10_000), 2000);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.endsWith('&lt;…')).toBe(true);
  });
});

describe('splitMrkdwn', () => {
  it('splits at line ends into pieces within the limit, losing nothing', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const pieces = splitMrkdwn(lines.join('\n'), 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(500);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
  });

  it('splits one long line without breaking an entity', () => {
    const pieces = splitMrkdwn(escapeSlack('a&'.repeat(2000)), 999);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(999);
      expect(piece).not.toMatch(/&(?!amp;)/);
    }
  });
});

describe('literalMrkdwn', () => {
  it('shows plain values escaped', () => {
    expect(literalMrkdwn('MSTICALERTSWIN1 & <b>')).toBe('MSTICALERTSWIN1 &amp; &lt;b&gt;');
  });

  it('puts values Slack would format (paths with _, *, ~, `, :emoji:) in inline code, backticks made quotes', () => {
    expect(literalMrkdwn('C:\\Users\\a_b_c\\x.exe')).toBe('`C:\\Users\\a_b_c\\x.exe`');
    expect(literalMrkdwn('echo `whoami`')).toBe("`echo 'whoami'`");
    expect(literalMrkdwn('ftp -s:c:\\recycler')).toBe('`ftp -s:c:\\recycler`');
    expect(literalMrkdwn('05:15:20Z')).toBe('05:15:20Z');
  });

  it('shows an empty value as a dash (Slack rejects empty text)', () => {
    expect(literalMrkdwn('  ')).toBe('—');
  });

  it('cuts before escaping, so no code span is left open', () => {
    const out = literalWithin(`${'_&'.repeat(5000)}`, 2000);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.startsWith('`')).toBe(true);
    expect(out.endsWith('…`')).toBe(true);
  });
});

describe('codeText', () => {
  it('escapes code and breaks ``` inside it so it cannot close the block', () => {
    const code = codeText('a ``` <!channel>', 100);
    expect(code.cut).toBe(false);
    expect(fence(code.text)).toBe('```\na `\u200b`` &lt;!channel&gt;\n```');
  });

  it('cuts long code and says so', () => {
    const code = codeText('x'.repeat(10_000), 4000);
    expect(code.cut).toBe(true);
    expect(code.text.length).toBeLessThanOrEqual(4000);
  });
});

describe('markdownToPlain', () => {
  it('drops markup for plain_text objects and cuts to the limit', () => {
    expect(markdownToPlain('`investigate` is **coming** [soon](https://x.example)', 150)).toBe(
      'investigate is coming soon',
    );
    expect(markdownToPlain('x'.repeat(200), 150)).toHaveLength(150);
  });
});
