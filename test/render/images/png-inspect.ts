/**
 * Test helpers for rendered images: decode a PNG, count non-white pixels (in a region), compare regions, and save
 * the PNG under test/artifacts/render/ so a person can look at it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Decoded RGBA pixels. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A rectangle in pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

const artifactsDir = fileURLToPath(new URL('../../artifacts/render/', import.meta.url));

/** Writes `png` to test/artifacts/render/<name>.png (gitignored) and returns the path. */
export function saveArtifact(name: string, png: Buffer): string {
  mkdirSync(artifactsDir, { recursive: true });
  const file = `${artifactsDir}${name}.png`;
  writeFileSync(file, png);
  return file;
}

/** Decodes a PNG into RGBA pixels. */
export async function decodePng(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

function clamp(region: Region | undefined, pixels: Pixels): Region {
  const x = Math.max(0, Math.floor(region?.x ?? 0));
  const y = Math.max(0, Math.floor(region?.y ?? 0));
  return {
    x,
    y,
    width: Math.min(pixels.width - x, Math.floor(region?.width ?? pixels.width)),
    height: Math.min(pixels.height - y, Math.floor(region?.height ?? pixels.height)),
  };
}

/** Pixels that are visibly not white (and not transparent) in `region` (default: the whole image). */
export function inkCount(pixels: Pixels, region?: Region): number {
  const r = clamp(region, pixels);
  let count = 0;
  for (let y = r.y; y < r.y + r.height; y += 1) {
    for (let x = r.x; x < r.x + r.width; x += 1) {
      const i = (y * pixels.width + x) * 4;
      const [red, green, blue, alpha] = [
        pixels.data[i]!,
        pixels.data[i + 1]!,
        pixels.data[i + 2]!,
        pixels.data[i + 3]!,
      ];
      if (alpha > 128 && red + green + blue < 3 * 235) count += 1;
    }
  }
  return count;
}

/** Pixels that differ between two same-sized images in `region`. */
export function differingPixels(a: Pixels, b: Pixels, region?: Region): number {
  const r = clamp(region, a);
  let count = 0;
  for (let y = r.y; y < r.y + r.height; y += 1) {
    for (let x = r.x; x < r.x + r.width; x += 1) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 30) count += 1;
    }
  }
  return count;
}

/** The colour at a pixel, as `[r, g, b, a]`. */
export function pixelAt(pixels: Pixels, x: number, y: number): number[] {
  const i = (Math.floor(y) * pixels.width + Math.floor(x)) * 4;
  return [...pixels.data.slice(i, i + 4)];
}
