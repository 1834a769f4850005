import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/analysis/process-tree/text-wrap.js';

// Expected lines produced by CPython 3.11 `textwrap.wrap(text, width, initial_indent, subsequent_indent)`.
const pythonCases = [
  {
    text: 'powershell.exe -NoProfile -ExecutionPolicy Bypass Get-ChildItem-Recurse anything-else-here',
    width: 30,
    initialIndent: '',
    subsequentIndent: '',
    expected: ['powershell.exe -NoProfile', '-ExecutionPolicy Bypass Get-', 'ChildItem-Recurse anything-', 'else-here'],
  },
  {
    text: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    width: 20,
    initialIndent: '',
    subsequentIndent: '  ',
    expected: ['C:\\Windows\\System32\\', '  WindowsPowerShell\\', '  v1.0\\powershell.ex', '  e'],
  },
  {
    text: 'a\tb\tc  dd\neee',
    width: 10,
    initialIndent: '',
    subsequentIndent: '',
    expected: ['a       b', 'c  dd eee'],
  },
  {
    text: '   leading spaces kept on first line only   ',
    width: 12,
    initialIndent: '',
    subsequentIndent: '',
    expected: ['   leading', 'spaces kept', 'on first', 'line only'],
  },
  { text: '', width: 10, initialIndent: '', subsequentIndent: '', expected: [] },
  { text: '   ', width: 10, initialIndent: '', subsequentIndent: '', expected: [] },
  {
    text: 'word--dash between--words and long-hyphenated-word-list',
    width: 15,
    initialIndent: '> ',
    subsequentIndent: '>> ',
    expected: ['> word--dash', '>> between--', '>> words and', '>> long-', '>> hyphenated-', '>> word-list'],
  },
  {
    text: 'xxxxxxxxxxxxxxxxxxxxxxxxx-yyyyyyyyyy',
    width: 20,
    initialIndent: '',
    subsequentIndent: '',
    expected: ['xxxxxxxxxxxxxxxxxxxx', 'xxxxx-yyyyyyyyyy'],
  },
  {
    text: 'Account:   Account: 0x3e7',
    width: 80,
    initialIndent: '        ',
    subsequentIndent: '           ',
    expected: ['        Account:   Account: 0x3e7'],
  },
  {
    text: 'Process: C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\MonitoringHost.exe  PID: 0x864',
    width: 80,
    initialIndent: '',
    subsequentIndent: '   ',
    expected: ['Process: C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\MonitoringHost.exe', '   PID: 0x864'],
  },
  {
    text: 'self-contained CMF-64 re-run x-ray e-mail',
    width: 12,
    initialIndent: '',
    subsequentIndent: '',
    expected: ['self-', 'contained', 'CMF-64 re-', 'run x-ray', 'e-mail'],
  },
];

describe('wrapText (Python textwrap.wrap)', () => {
  it.each(pythonCases)('wraps %j like CPython', ({ text, width, initialIndent, subsequentIndent, expected }) => {
    expect(wrapText(text, { width, initialIndent, subsequentIndent })).toEqual(expected);
  });

  it('never returns a line longer than the width when words can be broken', () => {
    const lines = wrapText('a'.repeat(250), { width: 80, subsequentIndent: '   ' });
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines.join('').replaceAll(' ', '')).toBe('a'.repeat(250));
  });
});
