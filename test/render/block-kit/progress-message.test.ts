import { describe, expect, it } from 'vitest';
import { progressBar, progressMessage } from '../../../src/render/block-kit/progress-message.js';
import { checkSlackLimits, messageText } from './check-slack-limits.js';

describe('progressMessage', () => {
  it('shows the title, a bar, done/total and the running step', () => {
    const message = progressMessage('Investigating Detected suspicious use of FTP -s Switch', 3, 7, 'Process tree');
    checkSlackLimits(message);
    expect(message.text).toBe('Investigating Detected suspicious use of FTP -s Switch: 3/7');
    expect(messageText(message)).toBe(
      '⏳ *Investigating Detected suspicious use of FTP -s Switch*  ▰▰▰▰▱▱▱▱▱▱  3/7\nRunning: Process tree',
    );
    expect(message.pendingImages).toEqual([]);
  });

  it('shows a check mark and no running step when everything is done', () => {
    const message = progressMessage('Investigating', 7, 7, 'Verdict');
    expect(messageText(message)).toBe('✅ *Investigating*  ▰▰▰▰▰▰▰▰▰▰  7/7');
  });

  it('clamps odd counts and escapes hostile titles', () => {
    const message = progressMessage(`<!channel> ${'x'.repeat(5000)}`, 12, 5, '<@U123> & more');
    checkSlackLimits(message);
    expect(message.text.startsWith('&lt;!channel&gt;')).toBe(true);
    expect(messageText(message)).toContain('5/5');
    const running = progressMessage('t', -1, 4, '<@U123> & more');
    expect(messageText(running)).toContain('0/4\nRunning: &lt;@U123&gt; &amp; more');
  });

  it('draws the bar in proportion', () => {
    expect(progressBar(0, 4)).toBe('▱▱▱▱▱▱▱▱▱▱');
    expect(progressBar(2, 4)).toBe('▰▰▰▰▰▱▱▱▱▱');
    expect(progressBar(0, 0)).toBe('▰▰▰▰▰▰▰▰▰▰');
  });
});
