import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageStore, imageUrl, isImageId } from '../../../src/render/images/image-store.js';

const png = (fill: number, size = 100) => Buffer.alloc(size, fill);
const directories: string[] = [];

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'socbot-images-'));
  directories.push(directory);
  return directory;
}

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('ImageStore', () => {
  it('round-trips a PNG under a 32-hex-char content id', () => {
    const store = new ImageStore();
    const image = store.put(png(1));
    expect(image.id).toMatch(/^[a-f0-9]{32}$/);
    expect(store.get(image.id)).toEqual(png(1));
    // Content-addressed: the same bytes give the same id, and storing twice does not double the memory.
    expect(store.put(png(1)).id).toBe(image.id);
    expect(store.bytes).toBe(100);
    expect(store.put(png(2)).id).not.toBe(image.id);
  });

  it('builds the /charts/<id>.png URL under the public base URL, with or without a trailing slash', () => {
    const { id, url } = new ImageStore().put(png(3));
    expect(url('https://bot.example.com')).toBe(`https://bot.example.com/charts/${id}.png`);
    expect(url('https://bot.example.com/socbot/')).toBe(`https://bot.example.com/socbot/charts/${id}.png`);
    expect(imageUrl('http://localhost:3978/', id)).toBe(`http://localhost:3978/charts/${id}.png`);
  });

  it('evicts the least recently used images once over its byte budget', () => {
    const store = new ImageStore({ maxBytes: 250 });
    const a = store.put(png(1));
    const b = store.put(png(2));
    expect(store.get(a.id)).toBeDefined(); // a is now more recent than b
    const c = store.put(png(3));
    expect(store.get(b.id)).toBeUndefined();
    expect(store.get(a.id)).toEqual(png(1));
    expect(store.get(c.id)).toEqual(png(3));
    expect(store.bytes).toBeLessThanOrEqual(250);
  });

  it('keeps the image just stored even when it alone is over the budget', () => {
    const store = new ImageStore({ maxBytes: 50 });
    const small = store.put(png(1, 40));
    const big = store.put(png(2, 80));
    expect(store.get(big.id)).toEqual(png(2, 80));
    expect(store.get(small.id)).toBeUndefined();
  });

  it('rejects ids that are not 32 lower-case hex characters, so get() cannot reach other files', () => {
    const directory = temporaryDirectory();
    const store = new ImageStore({ directory });
    store.put(png(1));
    for (const id of [
      '../../etc/passwd',
      '..',
      '',
      'A'.repeat(32),
      'a'.repeat(31),
      'a'.repeat(33),
      `${'a'.repeat(32)}/../x`,
      `${'a'.repeat(31)}/`,
      '%2e%2e%2fetc%2fpasswd',
      `${'a'.repeat(32)}\n`,
    ]) {
      expect(isImageId(id)).toBe(false);
      expect(store.get(id)).toBeUndefined();
    }
  });

  it('writes images to its directory so a new store (after a restart) still serves them', () => {
    const directory = temporaryDirectory();
    const first = new ImageStore({ directory });
    const { id } = first.put(png(7));
    expect(existsSync(join(directory, `${id}.png`))).toBe(true);
    expect(readdirSync(directory)).toEqual([`${id}.png`]); // no temporary files left behind
    const second = new ImageStore({ directory });
    expect(second.bytes).toBe(0);
    expect(second.get(id)).toEqual(png(7));
    expect(second.bytes).toBe(100);
  });

  it('serves an image evicted from memory from disk', () => {
    const directory = temporaryDirectory();
    const store = new ImageStore({ directory, maxBytes: 150 });
    const a = store.put(png(1));
    store.put(png(2));
    expect(store.get(a.id)).toEqual(png(1));
  });

  it('creates a missing directory', () => {
    const directory = join(temporaryDirectory(), 'nested', 'images');
    const { id } = new ImageStore({ directory }).put(png(9));
    expect(existsSync(join(directory, `${id}.png`))).toBe(true);
  });
});
