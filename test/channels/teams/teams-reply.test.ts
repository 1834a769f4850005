/**
 * A Section as a Teams message: images Teams clients cannot fetch give way to the chart's text, and the card's
 * fallback text stays short beside the card.
 */
import { describe, expect, it } from 'vitest';
import { sectionActivity, withReachableImages } from '../../../src/channels/teams/teams-reply.js';
import type { Section } from '../../../src/core/section.js';

const image = (url: string) => ({ url, alt: 'Alerts by severity', width: 600, height: 300 });

function chartSection(url: string): Section {
  return {
    id: 'alerts',
    title: 'Alerts',
    status: 'ok',
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          title: 'Alerts by severity',
          labels: ['High', 'Low'],
          series: [{ name: 'n', values: [3, 9] }],
        },
        image: image(url),
      },
      { kind: 'text', markdown: 'x'.repeat(5_000) },
    ],
    actions: [],
    warnings: [],
  };
}

describe('withReachableImages', () => {
  it('drops images served relative to the bot and keeps public https ones', () => {
    const local = withReachableImages(chartSection('/charts/abc.png')).blocks[0];
    expect(local).toMatchObject({ kind: 'chart' });
    expect(local && 'image' in local ? local.image : undefined).toBeUndefined();
    const hosted = withReachableImages(chartSection('https://bot.contoso.com/charts/abc.png')).blocks[0];
    expect(hosted && 'image' in hosted ? hosted.image?.url : undefined).toBe('https://bot.contoso.com/charts/abc.png');
  });
});

describe('sectionActivity', () => {
  it('shows a chart without a public image as its values, and keeps the fallback text short', () => {
    const activity = sectionActivity(chartSection('/charts/abc.png'));
    const card = activity.attachments?.[0]?.content as { fallbackText: string };
    const json = JSON.stringify(card);
    expect(json).not.toContain('/charts/abc.png');
    expect(json).toContain('High');
    expect(card.fallbackText.length).toBeLessThanOrEqual(1_000);
    expect(activity.summary).toBe('Alerts');
  });
});
