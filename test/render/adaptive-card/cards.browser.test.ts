/**
 * Every card kind rendered by the real Adaptive Cards renderer (the SDK's browser bundle) in headless Chromium:
 * real Sections from the demo workspace and msticpy's FTP alert, with their chart and graph images drawn. Each
 * card is saved as test/artifacts/cards/<kind>.png (look at them) and must not be blank; the "more rows" toggle
 * must reveal the hidden rows.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../../src/core/section.js';
import { type CardElement, progressCard, sectionToCard } from '../../../src/render/adaptive-card/render-card.js';
import { attachImages } from '../../../src/render/images/attach-images.js';
import { ImageStore } from '../../../src/render/images/image-store.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import { demoAnswers, ftpInvestigation } from './real-sections.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`${chromiumPath} not found (apt-get install chromium): card browser tests skipped`);

const artifacts = fileURLToPath(new URL('../../artifacts/cards/', import.meta.url));
const sdkBundle = fileURLToPath(
  new URL('../../../node_modules/adaptivecards/dist/adaptivecards.min.js', import.meta.url),
);
/** Images are linked under this origin; the page's requests to it are answered from the image store. */
const imageOrigin = 'https://cards.test';
/** About the width Teams gives a card in a chat. */
const cardWidth = 560;

/** Teams renders a Markdown subset in TextBlocks; the bare SDK shows it raw, so the page does the same subset. */
const markdownScript = `
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  result.outputHtml = escaped
    .replace(/\\*\\*([^*]+)\\*\\*/g, '<strong>$1</strong>')
    .replace(/\`([^\`]+)\`/g, '<code>$1</code>')
    .replace(/^- (.*)$/gm, '• $1')
    .replace(/\\n/g, '<br>');
  result.didProcess = true;
};`;

interface Rendered {
  height: number;
  text: string;
}

/** A Section and where it came from (`ftp`, `demo`), for the screenshot's name. */
type Sourced = [source: string, section: Section];

/** One Section per kind (id): the biggest of any source, so each picture shows the most a card of that kind holds. */
function largestPerKind(sections: readonly Sourced[]): Sourced[] {
  const byKind = new Map<string, Sourced>();
  const size = (entry: Sourced | undefined) => (entry ? JSON.stringify(entry[1]).length : -1);
  for (const entry of sections) if (size(entry) > size(byKind.get(entry[1].id))) byKind.set(entry[1].id, entry);
  return [...byKind.values()];
}

describe.skipIf(!hasChromium)('cards in the Adaptive Cards renderer (headless Chromium)', () => {
  let browser: Browser;
  let page: Page;
  const store = new ImageStore();
  const cards = new Map<string, CardElement>();

  beforeAll(async () => {
    const answers = await demoAnswers((ids) => (ids[0] ? [`export ${ids[0]} html`] : []));
    const ftp = hasSharedData ? await ftpInvestigation() : [];
    const picked = largestPerKind([
      ...ftp.map((section): Sourced => ['ftp', section]),
      ...answers.flatMap((answer) => answer.sections.map((section): Sourced => ['demo', section])),
    ]);
    // Images are drawn only for the Sections pictured: drawing every chart of every answer takes seconds.
    const drawn = await attachImages(
      picked.map(([, section]) => section),
      { store, baseUrl: imageOrigin },
    );
    drawn.forEach((section, i) => {
      cards.set(`${picked[i]?.[0]}-${section.id}`, sectionToCard(section));
    });
    cards.set(
      'progress-running',
      progressCard('Investigating Detected suspicious use of FTP -s Switch', 3, 10, 'Process tree'),
    );
    cards.set('progress-done', progressCard('Investigating Detected suspicious use of FTP -s Switch', 10, 10));

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: cardWidth + 40, height: 900 } });
    await page.route(`${imageOrigin}/**`, async (route) => {
      const id = /\/charts\/([a-f0-9]{32})\.png$/.exec(route.request().url())?.[1] ?? '';
      const png = store.get(id);
      await (png ? route.fulfill({ body: png, contentType: 'image/png' }) : route.abort());
    });
    await page.setContent(
      `<!doctype html><html><head><style>body{margin:20px;background:#f5f5f5;font-family:sans-serif}` +
        `.card{width:${cardWidth}px;background:#fff;margin-bottom:24px;border-radius:6px;overflow:hidden}</style>` +
        `</head><body></body></html>`,
    );
    await page.addScriptTag({ path: sdkBundle });
    await page.addScriptTag({ content: markdownScript });
    mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function render(name: string, card: CardElement): Promise<Rendered> {
    return page.evaluate(
      ({ name, card }) => {
        const AC = (window as unknown as { AdaptiveCards: Record<string, new (...args: unknown[]) => unknown> })
          .AdaptiveCards;
        // The SDK's default host config (container colours included), as a Teams-like light theme.
        const adaptiveCard = new AC.AdaptiveCard!() as { parse(json: unknown): void; render(): HTMLElement };
        adaptiveCard.parse(card);
        const wrapper = document.createElement('div');
        wrapper.className = 'card';
        wrapper.id = name;
        wrapper.appendChild(adaptiveCard.render());
        document.body.appendChild(wrapper);
        return { height: wrapper.getBoundingClientRect().height, text: wrapper.textContent ?? '' };
      },
      { name, card },
    );
  }

  async function imagesLoaded(name: string): Promise<void> {
    await page.waitForFunction(
      (id) => [...document.querySelectorAll(`#${id} img`)].every((img) => (img as HTMLImageElement).complete),
      name,
    );
  }

  it('renders every card kind, none blank, and saves a screenshot of each', async () => {
    expect(cards.size).toBeGreaterThanOrEqual(22);
    for (const [name, card] of cards) {
      const rendered = await render(name, card);
      await imagesLoaded(name);
      const file = `${artifacts}${name}.png`;
      await page.locator(`#${name}`).screenshot({ path: file });
      expect(rendered.height, name).toBeGreaterThan(40);
      expect(rendered.text.trim().length, name).toBeGreaterThan(5);
      // A blank screenshot of this size compresses to a few hundred bytes.
      expect(statSync(file).size, name).toBeGreaterThan(3_000);
    }
  });

  it('draws the chart and graph images of the cards that have them', async () => {
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('.card img')].map((img) => (img as HTMLImageElement).naturalWidth),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.every((width) => width > 100)).toBe(true);
  });

  it('reveals the rows behind "Show N more rows" in place', async () => {
    const name = [...cards.keys()].find((key) => JSON.stringify(cards.get(key)).includes('Action.ToggleVisibility'));
    expect(name).toBeTruthy();
    const card = page.locator(`#${name}`);
    const before = (await card.boundingBox())?.height ?? 0;
    await card
      .getByRole('button', { name: /^Show \d+ more rows?$/ })
      .first()
      .click();
    const after = (await card.boundingBox())?.height ?? 0;
    expect(after).toBeGreaterThan(before + 50);
    await card.screenshot({ path: `${artifacts}${name}-expanded.png` });
  });
});
