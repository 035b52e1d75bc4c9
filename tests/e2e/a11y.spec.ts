// axe-core (from npm, @axe-core/playwright) finds no accessibility violations in the states a
// reader meets: the first load, the 63-place bulletin, a selected place with long details,
// claims grouped by side beside a pinned place, the phone's bottom sheet (with a pinned place
// too), the example series with its timeline, reports list and a disputed place's history, and
// the error banner and message.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open, places, loadBulletin, loadSides, Page } from './fixtures';

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('axe: the first load', async ({ page }) => {
  await open(page);
  expect(await violations(page)).toEqual([]);
});

test('axe: the 63-place bulletin, filtered and sorted', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  expect(await violations(page)).toEqual([]);
  await page.locator('#legend button[data-status="attacked"]').click();
  await page.locator('#places-sort').selectOption('name');
  await page.locator('#place-search').fill('zzz');
  expect(await violations(page)).toEqual([]);
});

test('axe: the example series, its timeline and a disputed place’s history', async ({ page }) => {
  await open(page);
  await page.locator('#examples').selectOption('series');
  page.once('dialog', (d) => d.accept());
  await page.locator('#load-example').click();
  await expect(page.locator('#reports li')).toHaveCount(5);
  // The two reports of fixtures/set whose sides disagree about Vovchansk.
  for (const f of ['3-liberated.txt', '4-russian-claim.txt']) {
    const text = readFileSync(join(__dirname, 'fixtures', 'set', f), 'utf8');
    await page.evaluate((t) => (window as any).frontline.addArticle(t), text);
  }
  await page.locator('#timeline').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => (window as any).frontline.select('Vovchansk'))).toBe(true);
  await expect(page.locator('#details .opposite .claim')).toHaveCount(2);
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Home');
  expect(await violations(page)).toEqual([]);
});

test('axe: a selected place with long details', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  // The place whose details are longest, and overflow their panel.
  const name = await page.evaluate((names: string[]) => {
    const d = document.getElementById('details')!;
    let best = { name: '', height: 0 };
    for (const n of names) {
      (window as any).frontline.select(n);
      if (d.scrollHeight > best.height) best = { name: n, height: d.scrollHeight };
    }
    (window as any).frontline.select(best.name);
    return best.name;
  }, (await places(page)).map((p) => p.name));
  await expect(page.locator('#details h3')).toHaveText(name);
  expect(await page.locator('#details').evaluate((d) => d.scrollHeight > d.clientHeight), 'the details scroll').toBe(true);
  expect(await violations(page)).toEqual([]);
});

test('axe: claims by side beside a pinned place', async ({ page }) => {
  await open(page);
  await loadSides(page);
  await page.evaluate(() => (window as any).frontline.select('Nikolske'));
  await page.locator('#details .card-pin').click();
  await page.evaluate(() => (window as any).frontline.select('Kurakhove'));
  await expect(page.locator('#pinned .side-group')).toHaveCount(2);
  expect(await violations(page)).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('axe: the bottom sheet open, then with a pinned place', async ({ page }) => {
    await open(page);
    await loadBulletin(page);
    const [first, second] = (await places(page)).map((p) => p.name);
    await page.locator('#places button', { hasText: first }).first().click();
    await expect(page.locator('#detail-cards')).toBeVisible();
    await expect(page.locator('#details')).toBeFocused();
    expect(await violations(page)).toEqual([]);
    await page.locator('#details .card-pin').click();
    await page.evaluate((n) => (window as any).frontline.select(n), second);
    await expect(page.locator('#pinned')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test('axe: the error message and the error banner', async ({ page, allowErrors }) => {
  allowErrors(/status of 404/);
  await open(page);
  await page.locator('#article').fill('');
  await page.locator('#map-it').click();
  await expect(page.locator('#message')).toHaveClass(/error/);
  expect(await violations(page)).toEqual([]);
  await page.route('**/pkg/gazetteer.geojson.gz', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.reload();
  await expect(page.locator('#error')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
