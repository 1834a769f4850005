/**
 * The bundled fonts every image uses. Servers and containers often have no system fonts, and then canvas text
 * silently disappears; DejaVu Sans ships in `dejavu-fonts-ttf`, so text renders the same everywhere.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family name charts and graphs ask for. */
export const fontFamily = 'DejaVu Sans';

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

const directory = fontDirectory();

/** Absolute paths of the regular and bold DejaVu Sans files. */
export const fontFiles = {
  regular: join(directory, 'DejaVuSans.ttf'),
  bold: join(directory, 'DejaVuSans-Bold.ttf'),
} as const;

let registered = false;

/** Registers DejaVu Sans (regular, bold) with @napi-rs/canvas, once; charts and SVG drawing both use it. */
export function registerCanvasFonts(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(fontFiles.regular, fontFamily);
  GlobalFonts.registerFromPath(fontFiles.bold, fontFamily);
  registered = true;
}
