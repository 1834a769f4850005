/**
 * The process tree in a card: the alert process highlighted, its parents kept, the rest counted.
 */
import { describe, expect, it } from 'vitest';
import { treeLines, treeView } from '../../../src/render/adaptive-card/tree-view.js';

function tree(siblingsBefore: number, siblingsAfter: number): string {
  const sibling = (i: number) => [
    `        [sibling:lev1] 2019-01-15 05:15:${String(i).padStart(2, '0')} C:\\x\\s${i}.exe [PID: 0x${i}]`,
    `        (Cmdline: "s${i}.exe") [Account: A]`,
  ];
  return [
    'Process tree:',
    '_____________',
    '    [parent:lev1] 2019-01-15 05:15:03 C:\\Windows\\System32\\cmd.exe [PID: 0xbc8]',
    '    (Cmdline: "cmd.exe /c run.bat") [Account: A]',
    ...Array.from({ length: siblingsBefore }, (_, i) => sibling(i)).flat(),
    '        [source:lev0] 2019-01-15 05:15:15 C:\\x\\ftp.exe [PID: 0x1580]   ◀ alert process',
    '        (Cmdline: ".\\ftp  -s:C:\\RECYCLER\\xxppyy.exe") [Account: A]',
    ...Array.from({ length: siblingsAfter }, (_, i) => sibling(50 + i)).flat(),
  ].join('\n');
}

describe('treeView', () => {
  it('highlights the alert process line and its command line', () => {
    const view = treeView(tree(1, 1), 8000);
    const highlighted = view.lines.filter((line) => line.highlight);
    expect(highlighted).toHaveLength(2);
    expect(highlighted[0]?.text).toContain('[source:lev0]');
    expect(highlighted[1]).toMatchObject({ weight: 'Bolder', color: 'Attention', verbatim: false });
    expect(view.note).toBe('');
  });

  it("keeps indentation as no-break spaces and drops msticpy's heading", () => {
    const view = treeView(tree(0, 0), 8000);
    expect(view.lines[0]?.text.startsWith('\u00a0\u00a0\u00a0\u00a0[parent:lev1]')).toBe(true);
    expect(view.lines.some((line) => line.text.includes('Process tree:'))).toBe(false);
  });

  it('shows a long tree as parents, then the lines around the alert process, counting what it leaves out', () => {
    const view = treeView(tree(40, 40), 8000);
    const texts = view.lines.map((line) => line.text);
    expect(texts[0]).toContain('[parent:lev1]');
    expect(texts.filter((t) => t.includes('⋮')).length).toBe(2);
    expect(view.lines.filter((line) => !line.text.includes('⋮')).length).toBeLessThanOrEqual(treeLines);
    expect(texts.some((t) => t.includes('[source:lev0]'))).toBe(true);
    expect(view.note).toMatch(/^\d+ of 164 tree lines not shown here/);
  });
});
