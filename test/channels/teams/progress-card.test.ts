/**
 * The progress card and the invoke answers: what a user sees while a command runs.
 */
import { describe, expect, it } from 'vitest';
import { noticeCard, progressCard, progressText, workingCard } from '../../../src/channels/teams/progress-card.js';

describe('progress card', () => {
  it('says what runs while running, and that it finished at the end', () => {
    expect(progressText({ title: 'Investigating', done: 0, total: 0 })).toBe('Investigating: starting…');
    expect(progressText({ title: 'Investigating', done: 3, total: 4, current: 'Process tree' })).toBe(
      'Investigating: 3 steps done · now: Process tree…',
    );
    expect(progressText({ title: 'Investigating', done: 9, total: 9 }, true)).toBe(
      'Investigating: finished, 9 steps done.',
    );
  });

  it('is an Adaptive Card 1.5 with its text as fallback', () => {
    const card = progressCard({ title: 'Investigating', done: 1, total: 2, current: 'Related alerts' });
    expect(card).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      fallbackText: expect.stringContaining('1 step done'),
    });
    expect(JSON.stringify(card)).toContain('now: Related alerts');
    expect(JSON.stringify(progressCard({ title: 'Investigating', done: 9, total: 9 }, true))).toContain(
      '"color":"Good"',
    );
  });

  it('answers a button invoke with what runs and a way to run it again', () => {
    const card = workingCard('tree abc-1', 'Ann');
    expect(JSON.stringify(card.body)).toContain('Working on it');
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Run again', verb: 'socbot.command', data: { command: 'tree abc-1' } },
    ]);
    expect(noticeCard('nothing to do')).toMatchObject({ type: 'AdaptiveCard', body: [{ text: 'nothing to do' }] });
  });
});
