// End-to-end tests of the phone layout (390×844): the article box and "Map it" first in the
// page, and the details of a selected place in a bottom sheet over the lower part of the
// screen that takes the focus and gives it back, closes with its button or Escape, keeps the
// selected marker in sight, and stacks a pinned place above the selected one.
import { test, expect, open, places, placeNamed, loadBulletin, loadSides, Page } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

const sheet = (page: Page) => page.locator('#detail-cards');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the article box and Map it come first, in the page and in the tab order', async ({ page }) => {
  await open(page);
  const main = await page.evaluate(() => [...document.querySelector('main')!.children].map((e) => e.className));
  expect(main[0]).toBe('input-pane');
  const box = (await page.locator('#article').boundingBox())!;
  const mapIt = (await page.locator('#map-it').boundingBox())!;
  expect(box.y + box.height).toBeLessThan((await page.locator('#map').boundingBox())!.y);
  expect(mapIt.y + mapIt.height).toBeLessThan(844);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#article')).toBeFocused();
  // Back on a wide screen, it goes back to the foot of the side panel, keeping its text.
  await page.locator('#article').fill('Russian forces shelled Kharkiv overnight.');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => page.evaluate(() => document.querySelector('.side')!.lastElementChild!.className)).toBe('input-pane');
  await expect(page.locator('#article')).toHaveValue('Russian forces shelled Kharkiv overnight.');
  await expect(page.locator('#article')).toBeFocused();
});

test('a tapped place opens its details in a bottom sheet that takes the focus; Escape closes it and gives the focus back', async ({ page }) => {
  await open(page);
  await expect(sheet(page)).toBeHidden();
  await page.locator('#map').scrollIntoViewIfNeeded();
  const kyiv = await placeNamed(page, 'Kyiv');
  await page.locator('#map').click({ position: { x: kyiv.x, y: kyiv.y } });
  await expect(page.locator('#details h3')).toHaveText('Kyiv');
  await expect(sheet(page)).toBeVisible();
  expect(await sheet(page).evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
  const box = (await sheet(page).boundingBox())!;
  expect(box.y + box.height).toBeCloseTo(844, 0);
  expect(box.width).toBeCloseTo(390, 0);
  expect(box.y, 'over the lower part of the screen').toBeGreaterThan(844 * 0.4);
  await expect(page.locator('#details')).toBeFocused();
  // Keyboard reachable: its buttons follow in the tab order.
  await page.keyboard.press('Tab');
  await expect(page.locator('#details .card-previous')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sheet(page)).toBeHidden();
  expect(await focusedId(page)).toBe('map');
  await expect(page.locator('#places button[aria-pressed="true"]')).toHaveCount(0);
});

test('the close button closes the sheet and gives the focus back to the row that opened it', async ({ page }) => {
  await open(page);
  const row = page.locator('#places button', { hasText: 'Izium' });
  await row.click();
  await expect(sheet(page)).toBeVisible();
  await expect(page.locator('#details')).toBeFocused();
  const close = page.locator('#details .card-close');
  await expect(close).toHaveAccessibleName('Close the details');
  await close.click();
  await expect(sheet(page)).toBeHidden();
  await expect(row).toBeFocused();
  // The page keeps room below the list to scroll what the sheet covers into view.
  await row.click();
  const room = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(room - 300);
});

test('the sheet does not hide the selected marker: the map moves it above the sheet', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  // The lowest marker standing alone, scrolled to where the sheet will cover it, with the
  // top of the map above the sheet.
  const clustered = new Set((await page.evaluate(() => (window as any).frontline.clusters())).flatMap((c: { names: string[] }) => c.names));
  const width = (await page.locator('#map').boundingBox())!.width;
  const alone = (await places(page)).filter((p) => !clustered.has(p.name) && p.x > 20 && p.x < width - 20);
  const target = alone.reduce((a, b) => (b.y > a.y ? b : a));
  expect(target.y).toBeGreaterThan(300);
  await page.locator('#map').evaluate((c, y) => window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY + y - 650), target.y);
  const before = (await page.locator('#map').boundingBox())!.y + target.y;
  expect(before).toBeCloseTo(650, 0);
  await page.locator('#map').click({ position: { x: target.x, y: target.y } });
  await expect(page.locator('#details h3')).toHaveText(target.name);
  const top = (await sheet(page).boundingBox())!.y;
  expect(top, 'the sheet covers where the marker was').toBeLessThan(before);
  const now = (await page.locator('#map').boundingBox())!.y + (await placeNamed(page, target.name)).y;
  expect(now, `${target.name} is above the sheet`).toBeLessThan(top - 10);
  expect(now).toBeGreaterThan((await page.locator('#map').boundingBox())!.y);
});

test('a pinned place is stacked above the selected one in the sheet', async ({ page }) => {
  await open(page);
  await loadSides(page);
  await page.locator('#places button', { hasText: 'Nikolske' }).click();
  await page.locator('#details .card-pin').click();
  await page.locator('#details .card-next').click();
  await expect(page.locator('#details h3')).toHaveText('Kurakhove');
  const a = (await page.locator('#pinned').boundingBox())!;
  const b = (await page.locator('#details').boundingBox())!;
  expect(a.y + a.height).toBeLessThanOrEqual(b.y);
  expect(Math.abs(a.x - b.x)).toBeLessThan(2);
  const box = (await sheet(page).boundingBox())!;
  expect(box.y + box.height).toBeCloseTo(844, 0);
  await page.keyboard.press('Escape');
  await expect(sheet(page)).toBeHidden();
});
