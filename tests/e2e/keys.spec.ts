// End-to-end tests of the keyboard and screen readers: the skip link, the list as one tab stop
// with arrow keys, Escape, examples loaded by a button that asks before replacing the reader's
// text, the canvas's text summary and the one-line announcement of a selection.
import { test, expect, open, places, loadBulletin, rowNames, Page, KHERSON } from './fixtures';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
const selectedRows = (page: Page) => page.locator('#places button[aria-pressed="true"]');

test('a skip link, first in the tab order, leads to the article box', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  // Without it, the box is still reached in a few stops: the 63 places are one.
  let stops = 0;
  while (stops < 60 && (await focusedId(page)) !== 'article') {
    await page.keyboard.press('Tab');
    stops += 1;
  }
  expect(stops).toBeLessThan(30);

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Skip to the article');
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#article')).toBeFocused();
});

test('the list is one tab stop; the arrows, Home and End move the selection within it', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  const names = await rowNames(page);
  await page.locator('#places-sort').focus();
  await page.keyboard.press('Tab');
  const first = page.locator('#places button').first();
  await expect(first).toBeFocused();
  await expect(page.locator('#places button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.locator('#details')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#details h3')).toHaveText(names[1]);
  await expect(selectedRows(page)).toHaveText(new RegExp(names[1]));
  await expect(selectedRows(page)).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('#details h3')).toHaveText(names[62]);
  await expect(selectedRows(page)).toBeFocused();
  await expect(selectedRows(page)).toBeInViewport();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#details h3')).toHaveText(names[62]);
  await page.keyboard.press('Home');
  await expect(page.locator('#details h3')).toHaveText(names[0]);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#details h3')).toHaveText(names[0]);
  // Tab leaves the list and comes back to the selected row.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(selectedRows(page)).toBeFocused();
  await expect(selectedRows(page)).toHaveAttribute('tabindex', '0');

  // With a filter, the arrows move among the rows shown.
  await page.locator('#legend button[data-status="contested"]').click();
  const shown = await rowNames(page);
  await page.locator('#places button[tabindex="0"]').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#details h3')).toHaveText(shown[0]);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#details h3')).toHaveText(shown[1]);
});

test('Escape clears the selection from anywhere on the page', async ({ page }) => {
  await open(page);
  for (const where of ['#map', '#article', '#place-search', '#places button[aria-pressed="true"]', '#details']) {
    await page.evaluate(() => (window as any).frontline.select('Izium'));
    await expect(selectedRows(page)).toHaveCount(1);
    await page.locator(where).focus();
    await page.keyboard.press('Escape');
    await expect(selectedRows(page), where).toHaveCount(0);
    await expect(page.locator('#details .hint')).toBeVisible();
  }
});

test('examples load with the Load button and ask before replacing the reader’s text', async ({ page }) => {
  await open(page);
  const dialogs: string[] = [];
  const before = (await places(page)).map((p) => p.name);
  await page.locator('#load-example').click();
  await expect(page.locator('#message')).toHaveText('Choose an example in the list, then press Load.');
  // Choosing with the keyboard loads nothing.
  await page.locator('#examples').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#examples')).toHaveValue('kherson.txt');
  expect((await places(page)).map((p) => p.name)).toEqual(before);

  // The seed, unchanged, is replaced without a question.
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.locator('#load-example').click();
  await expect(page.locator('#places')).toContainText('Kherson');
  await expect(page.locator('#article')).toHaveValue(KHERSON);
  expect(dialogs).toEqual([]);

  // An edited article is kept unless the reader agrees.
  const own = `${KHERSON}\nRussian forces shelled Kharkiv overnight.`;
  await page.locator('#article').fill(own);
  await page.locator('#examples').selectOption('donetsk.txt');
  await page.locator('#load-example').click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toMatch(/Replace the article/);
  await expect(page.locator('#article')).toHaveValue(own);
  expect((await places(page)).map((p) => p.name)).toContain('Kherson');

  page.removeAllListeners('dialog');
  page.once('dialog', (d) => d.accept());
  await page.locator('#load-example').click();
  await expect(page.locator('#places')).toContainText('Bakhmut');

  // After a reload the stored example is still an example; a mapped paste is the reader's own.
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  await page.locator('#examples').selectOption('kherson.txt');
  await page.locator('#load-example').click();
  await expect(page.locator('#places')).toContainText('Kherson');
  await page.locator('#article').fill('Russian forces shelled Kharkiv overnight.');
  await page.locator('#map-it').click();
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  let asked = false;
  page.once('dialog', (d) => { asked = true; d.dismiss(); });
  await page.locator('#examples').selectOption('seed.txt');
  await page.locator('#load-example').click();
  await expect.poll(() => asked).toBe(true);
  await expect(page.locator('#article')).toHaveValue('Russian forces shelled Kharkiv overnight.');
});

test('the canvas is an image whose text summary follows the article and the filter', async ({ page }) => {
  await open(page);
  const map = page.locator('#map');
  await expect(map).toHaveAttribute('role', 'img');
  const seed = await places(page);
  const n = (s: string) => seed.filter((p) => p.status === s).length;
  await expect(map).toHaveAttribute('aria-label', `${seed.length} places: ${n('liberated')} liberated, ${n('mentioned')} mentioned.`);
  await expect(map).toHaveAccessibleDescription(/arrow keys.*Escape clears the selection/);
  await loadBulletin(page);
  await expect(map).toHaveAttribute('aria-label', '63 places: 1 liberated, 2 occupied, 36 contested, 18 attacked, 5 evacuated, 1 mentioned.');
  await page.locator('#legend button[data-status="contested"]').click();
  await expect(map).toHaveAttribute('aria-label', /^63 places: .* 27 shown on the map\.$/);
  expect(await page.evaluate(() => (window as any).frontline.loadArticle('The weather was mild.'))).toBe(0);
  await expect(map).toHaveAttribute('aria-label', 'Map of Ukraine. No place is mapped.');
});

test('a selection is announced in one short line; the details can be scrolled from the keyboard', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  const announce = page.locator('#announce');
  await expect(announce).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('#details')).not.toHaveAttribute('aria-live', /.*/);
  const [p] = (await places(page)).filter((q) => q.status === 'contested');
  await page.locator('#places button', { hasText: p.name }).first().click();
  await expect(announce).toHaveText(`${p.name}, contested`);
  await page.keyboard.press('Escape');
  await expect(announce).toHaveText('No place selected');
  const details = page.locator('#details');
  await expect(details).toHaveAttribute('tabindex', '0');
  await expect(details).toHaveAccessibleName('What the article says about the selected place');
});
