import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/core/section.js';
import { chartImage } from '../../../src/render/charts/chart-config.js';
import { quickChartUrl } from '../../../src/render/charts/quickchart-url.js';
import { asJson, dig } from './chart-json.js';

const timeline: ChartSpec = {
  type: 'timeline',
  title: 'Alerts over time',
  series: [{ name: 'Suspicious "process" & <co>', points: [{ at: new Date(Date.UTC(2019, 1, 9)), label: 'x' }] }],
  marker: { at: new Date(Date.UTC(2019, 1, 9)), label: 'Alert time' },
};

describe('quickChartUrl', () => {
  it('points at the configured server, Chart.js 4, with the size and a white background', () => {
    const { config, width, height } = chartImage(timeline);
    const url = new URL(quickChartUrl(config, { baseUrl: 'https://quickchart.example.com', width, height }));
    expect(url.origin).toBe('https://quickchart.example.com');
    expect(url.pathname).toBe('/chart');
    expect(url.searchParams.get('v')).toBe('4');
    expect(url.searchParams.get('w')).toBe(String(width));
    expect(url.searchParams.get('h')).toBe(String(height));
    expect(url.searchParams.get('bkg')).toBe('white');
    expect(url.searchParams.get('f')).toBe('png');
  });

  it('keeps a port and a path prefix of a self-hosted QuickChart', () => {
    const { config } = chartImage(timeline);
    const url = new URL(quickChartUrl(config, { baseUrl: 'http://quickchart:3400/qc/' }));
    expect(url.host).toBe('quickchart:3400');
    expect(url.protocol).toBe('http:');
    expect(url.pathname).toBe('/qc/chart');
  });

  it('sends the configuration as JSON (escaped, hostile names intact), without our date-fns display formats', () => {
    const { config } = chartImage(timeline);
    const url = new URL(quickChartUrl(config, { baseUrl: 'https://quickchart.io' }));
    const sent: unknown = JSON.parse(url.searchParams.get('c')!);
    expect(dig(sent, 'data.datasets.0.label')).toBe('Suspicious "process" & <co>');
    expect(dig(sent, 'options.scales.x.time.displayFormats')).toBeUndefined();
    expect(dig(sent, 'options.scales.x.type')).toBe('time');
    const expected = asJson(config);
    expect(dig(sent, 'data')).toEqual(dig(expected, 'data'));
  });

  it('refuses non-http(s) base URLs', () => {
    const { config } = chartImage(timeline);
    expect(() => quickChartUrl(config, { baseUrl: 'file:///etc/passwd' })).toThrow(/http/);
    expect(() => quickChartUrl(config, { baseUrl: 'not a url' })).toThrow();
  });
});
