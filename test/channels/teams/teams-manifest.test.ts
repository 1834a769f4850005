/**
 * The Teams app package: the committed manifest and the filled one validate against the Teams schema, the icons
 * meet Teams' rules (192×192 colour; 32×32 white on transparent), the command list names real commands, and the
 * zip holds the three files at its root.
 */
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  deploymentFromEnv,
  fillManifest,
  readManifestTemplate,
  validateTeamsManifest,
  zipTeamsApp,
} from '../../../scripts/package-teams.js';
import { commandNameOf } from '../../../src/core/parse-command.js';

const appId = '3f1b7c52-9d7e-4a0b-8a55-2c1c7f0e9a11';
const icon = (name: string) => readFileSync(new URL(`../../../manifest/teams/${name}`, import.meta.url));

async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

describe('Teams app manifest', () => {
  it('validates as committed and as filled for a deployment', async () => {
    const template = readManifestTemplate();
    expect(await validateTeamsManifest(template)).toEqual([]);
    const filled = fillManifest(template, { appId, publicBaseUrl: 'https://bot.contoso.com/base' });
    expect(await validateTeamsManifest(filled)).toEqual([]);
    expect(filled).toMatchObject({
      id: appId,
      bots: [{ botId: appId, scopes: expect.arrayContaining(['personal', 'team']) }],
      developer: { websiteUrl: 'https://bot.contoso.com' },
      validDomains: ['bot.contoso.com'],
    });
    expect(fillManifest(template, { appId, teamsAppId: '11111111-2222-3333-4444-555555555555' }).id).toBe(
      '11111111-2222-3333-4444-555555555555',
    );
  });

  it('reports schema violations', async () => {
    const broken = { ...readManifestTemplate(), accentColor: 'blue', name: { short: 'x'.repeat(31) } };
    const problems = await validateTeamsManifest(broken);
    expect(problems.join('\n')).toMatch(/accentColor/);
    expect(problems.join('\n')).toMatch(/name\/short/);
  });

  it('refuses ids that are not GUIDs, a plain-http URL, and a missing app id', () => {
    expect(() => fillManifest(readManifestTemplate(), { appId: 'socbot' })).toThrow(/MICROSOFT_APP_ID must be a GUID/);
    expect(() => fillManifest(readManifestTemplate(), { appId, publicBaseUrl: 'http://bot.contoso.com' })).toThrow(
      /https/,
    );
    expect(() => deploymentFromEnv({})).toThrow(/MICROSOFT_APP_ID/);
    expect(deploymentFromEnv({ clientId: appId })).toEqual({ appId });
  });

  it('lists only commands socbot knows', () => {
    const bots = readManifestTemplate().bots as { commandLists: { commands: { title: string }[] }[] }[];
    const titles = bots.flatMap((bot) => bot.commandLists.flatMap((list) => list.commands.map((c) => c.title)));
    expect(titles).toContain('investigate');
    for (const title of titles) expect(commandNameOf(title), title).toBe(title);
  });

  it('has a 192×192 colour icon, filled edge to edge', async () => {
    const { width, height, data } = await pixels(icon('color.png'));
    expect([width, height]).toEqual([192, 192]);
    let seeThrough = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) seeThrough += 1;
    expect(seeThrough).toBe(0);
  });

  it('has a 32×32 outline icon that is white on transparent only', async () => {
    const { width, height, data } = await pixels(icon('outline.png'));
    expect([width, height]).toEqual([32, 32]);
    let transparent = 0;
    let drawn = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent += 1;
      else {
        drawn += 1;
        if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) coloured += 1;
      }
    }
    expect(coloured).toBe(0);
    expect(transparent).toBeGreaterThan(width * height * 0.5);
    expect(drawn).toBeGreaterThan(50);
  });

  it('zips the manifest and icons at the package root', () => {
    const manifest = fillManifest(readManifestTemplate(), { appId });
    const files = unzipSync(zipTeamsApp(manifest, { color: icon('color.png'), outline: icon('outline.png') }));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toEqual(manifest);
    expect(Buffer.from(files['color.png']!).equals(icon('color.png'))).toBe(true);
  });
});
