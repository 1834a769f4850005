/**
 * Draws the Teams app icons into `manifest/teams/`: `color.png` (192×192, full colour: a white shield with a
 * magnifier on the accent colour, the symbol inside Teams' central 96×96 safe area) and `outline.png` (32×32,
 * white on transparent, as Teams requires). Run after changing the design:
 * `node --import tsx scripts/make-teams-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/** The manifest's accentColor; the colour icon's background. */
export const accentColor = '#1F4E79';

const outDir = new URL('../manifest/teams/', import.meta.url);

/** A shield (the SOC) outline in a unit box: flat top, curved sides meeting in a point at the bottom. */
function shieldPath(ctx: SKRSContext2D, x: number, y: number, size: number): void {
  const w = size;
  const h = size * 1.15;
  ctx.beginPath();
  ctx.moveTo(x + w / 2, y);
  ctx.lineTo(x + w, y + h * 0.14);
  ctx.lineTo(x + w, y + h * 0.45);
  ctx.bezierCurveTo(x + w, y + h * 0.75, x + w * 0.75, y + h * 0.9, x + w / 2, y + h);
  ctx.bezierCurveTo(x + w * 0.25, y + h * 0.9, x, y + h * 0.75, x, y + h * 0.45);
  ctx.lineTo(x, y + h * 0.14);
  ctx.closePath();
}

/** A magnifier (the investigation): a ring and its handle. */
function magnifier(ctx: SKRSContext2D, cx: number, cy: number, r: number, line: number): void {
  ctx.lineWidth = line;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(cx + r * 0.72, cy + r * 0.72);
  ctx.lineTo(cx + r * 1.55, cy + r * 1.55);
  ctx.stroke();
}

/** The colour icon: accent background, white shield, accent magnifier inside it. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = accentColor;
  ctx.fillRect(0, 0, size, size);
  // 82 wide, 94 high: within the 96×96 safe area.
  const shield = 82;
  shieldPath(ctx, (size - shield) / 2, (size - shield * 1.15) / 2, shield);
  ctx.fillStyle = '#FFFFFF';
  ctx.fill();
  ctx.strokeStyle = accentColor;
  magnifier(ctx, size / 2 - 5, size / 2 - 7, 15, 7);
  return canvas.toBuffer('image/png');
}

/** The outline icon: a white shield outline and magnifier on a transparent background. */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, size, size);
  ctx.strokeStyle = '#FFFFFF';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2;
  const shield = 24;
  shieldPath(ctx, (size - shield) / 2, 2, shield);
  ctx.stroke();
  magnifier(ctx, size / 2 - 1.5, 13, 4.5, 2);
  return canvas.toBuffer('image/png');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('color.png', outDir), drawColorIcon());
  writeFileSync(new URL('outline.png', outDir), drawOutlineIcon());
  console.log(`Wrote ${new URL('color.png', outDir).pathname} and outline.png`);
}
