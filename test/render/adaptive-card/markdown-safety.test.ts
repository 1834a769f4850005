/**
 * Which data text may go into a Markdown TextBlock unchanged.
 */
import { describe, expect, it } from 'vitest';
import { isMarkdownSafe } from '../../../src/render/adaptive-card/markdown-safety.js';

describe('isMarkdownSafe', () => {
  it.each([
    'C:\\Windows\\System32\\cmd.exe',
    'CONTOSO\\adm.rgarcia',
    '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd',
    'hxxp://azure-telemetry[.]org/u[.]ps1',
    'net  group "Domain Admins" /domain',
    'snake_case_name',
    '0x1580',
  ])('%s shows as it is', (text) => {
    expect(isMarkdownSafe(text)).toBe(true);
  });

  it.each([
    ['\\??\\C:\\Windows\\conhost.exe', 'a backslash escape drops the backslash'],
    ['mscfile\\\\open', 'a double backslash shows as one'],
    ['****REDACTED****', 'asterisks make emphasis'],
    ['[click](https://evil.example)', 'a link'],
    ['see https://evil.example/x', 'a bare URL becomes clickable'],
    ['_italic_', 'underscores at word edges'],
    ['- not a list', 'a list marker'],
    ['1. not a list', 'a numbered list marker'],
    ['a\nb', 'a line break folds'],
    ['<script>', 'raw HTML'],
  ])('%s is not safe: %s', (text) => {
    expect(isMarkdownSafe(text)).toBe(false);
  });
});
