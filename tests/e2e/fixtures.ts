// What every end-to-end test shares: a `test` whose page fails the test on any page error or
// console error it was not told to expect, and helpers to open the page and read its places.
import { test as base, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export { expect };
export type { Page };
export type Place = { name: string; status: string; x: number; y: number };

const WWW = join(__dirname, '..', '..', 'www');
export const SEED = readFileSync(join(WWW, 'examples', 'seed.txt'), 'utf8');
export const KHERSON = readFileSync(join(WWW, 'examples', 'kherson.txt'), 'utf8');

export const test = base.extend<{ allowErrors: (...patterns: RegExp[]) => void }>({
  allowErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    const allowed: RegExp[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
    });
    await use((...patterns) => allowed.push(...patterns));
    expect(errors.filter((e) => !allowed.some((p) => p.test(e))), 'page and console errors').toEqual([]);
  }, { auto: true }],
});

export async function open(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
}

export async function places(page: Page): Promise<Place[]> {
  return page.evaluate(() => (window as any).frontline.places());
}

export async function placeNamed(page: Page, name: string): Promise<Place> {
  const p = (await places(page)).find((q) => q.name === name);
  expect(p, `${name} is among the places`).toBeTruthy();
  return p!;
}

export const BULLETIN = readFileSync(join(__dirname, 'fixtures', 'bulletin.txt'), 'utf8');
// Written for the tests: both sides speak of Nikolskoe (the gazetteer's “Nikol's’ke”), and a
// quotation over two sentences names Kurakhove in its first.
export const SIDES = readFileSync(join(__dirname, 'fixtures', 'sides.txt'), 'utf8');

// Maps the 63-place bulletin written for the tests.
export async function loadBulletin(page: Page) {
  expect(await page.evaluate((t) => (window as any).frontline.loadArticle(t), BULLETIN)).toBe(63);
}

// Maps the article written for the tests of the details (SIDES).
export async function loadSides(page: Page) {
  expect(await page.evaluate((t) => (window as any).frontline.loadArticle(t), SIDES)).toBe(5);
}

// The names of the rows the list shows, top to bottom.
export async function rowNames(page: Page): Promise<string[]> {
  return page.locator('#places li:not([hidden]) .name').allTextContents();
}
