import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      HOST: '127.0.0.1',
      SOCBOT_DATA_DIR: './data',
      SOCBOT_PROVIDER: 'local',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('coerces numbers and ignores empty values', () => {
    expect(loadConfig({ PORT: '8080', SOCBOT_DATA_DIR: '' })).toMatchObject({ PORT: 8080, SOCBOT_DATA_DIR: './data' });
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', SOCBOT_PROVIDER: 'splunk' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', SOCBOT_PROVIDER: 'splunk', PUBLIC_BASE_URL: 'not a url' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('SOCBOT_PROVIDER');
      expect(message).toContain('PUBLIC_BASE_URL');
    }
  });

  it('documents every variable it reads in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    expect(configVariables.length).toBeGreaterThan(30);
    expect(configVariables.filter((name) => !documented.has(name))).toEqual([]);
  });
});
