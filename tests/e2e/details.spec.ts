// End-to-end tests of the details a reader can trust at a glance: names in their display form
// (list, map labels, details, address), claims grouped by side, no text shown twice, the next
// and previous place (buttons and keys, in the list's order and filter), and a pinned place
// beside the selected one.
import { test, expect, open, places, loadBulletin, loadSides, rowNames, Page, SIDES } from './fixtures';

const select = (page: Page, name: string) => page.evaluate((n) => (window as any).frontline.select(n), name);
const title = (page: Page) => page.locator('#details h3');

test('names show in their display form: the list, the map labels, the details and the address', async ({ page }) => {
  // Every text the page draws on the canvas.
  await page.addInitScript(() => {
    (window as any).drawn = new Set<string>();
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: any[]) {
      (window as any).drawn.add(text);
      return (fillText as any).call(this, text, ...rest);
    };
  });
  await open(page);
  await loadSides(page);
  expect((await places(page)).map((p) => p.name)).toEqual(['Donetsk Oblast', 'Nikolske', 'Kurakhove', 'Selydove', 'Ukrainsk']);
  expect(await rowNames(page)).toContain('Nikolske');
  const drawn = (): Promise<string[]> => page.evaluate(() => [...(window as any).drawn]);
  expect(await drawn()).toContain('Nikolske');
  expect((await drawn()).filter((t) => /['’]/.test(t))).toEqual([]);
  await select(page, 'Nikolske');
  await expect(title(page)).toHaveText('Nikolske');
  // The article's own spelling is kept as written.
  await expect(page.locator('#details .forms')).toHaveText('Written as: Nikolskoe');
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('place'))).toBe('Nikolske');
  // An address with the gazetteer's own spelling still opens the place.
  await page.evaluate(() => { location.hash = `place=${encodeURIComponent("Nikol's’ke")}`; });
  await select(page, 'Kurakhove');
  await page.evaluate(() => { location.hash = `view=37.6,47.9,8&place=${encodeURIComponent("Nikol's’ke")}`; });
  await expect(title(page)).toHaveText('Nikolske');
});

test('when both sides speak of a place its sentences are grouped: Ukraine says, Russia says', async ({ page }) => {
  await open(page);
  await loadSides(page);
  await select(page, 'Nikolske');
  const groups = page.locator('#details .side-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.locator('h4')).toHaveText(['Ukraine says: contested', 'Russia says: occupied']);
  await expect(groups.nth(0)).toHaveAttribute('data-side', 'ukraine');
  await expect(groups.nth(0).locator('.sentence')).toHaveText(/^Ukraine's General Staff said its troops were still fighting in Nikolskoe/);
  await expect(groups.nth(1).locator('.sentence')).toHaveText(/^Russian forces have taken full control of Nikolskoe/);
  await expect(page.locator('#details .source')).toHaveText('Source: the Russian Defence Ministry');
  // One side only: no groups.
  await select(page, 'Kurakhove');
  await expect(page.locator('#details .side-group')).toHaveCount(0);
  await expect(page.locator('#details .sentence')).toHaveCount(2);
});

test('no text is shown twice: a quotation is its sentence, named by its speaker', async ({ page }) => {
  await open(page);
  await loadSides(page);
  for (const name of (await places(page)).map((p) => p.name)) {
    await select(page, name);
    const sentences = await page.locator('#details .sentence').allTextContents();
    for (const s of sentences) expect(SIDES.includes(s), `“${s}” is a sentence of the article`).toBe(true);
    const text = await page.locator('#details').innerText();
    for (const s of sentences) expect(text.split(s).length - 1, `${name}: “${s}” once`).toBe(1);
  }
  await select(page, 'Kurakhove');
  const quoted = page.locator('#details .evidence', { hasText: 'shelled Kurakhove overnight' });
  await expect(quoted.locator('.meta', { hasText: 'Quoting:' })).toHaveText('Quoting: The Donetsk regional governor');
  // The rest of the quotation, which does not name Kurakhove, is not in its details.
  await expect(page.locator('#details')).not.toContainText('glide bombs');
});

test('next and previous follow the list’s order and filter, by button and by key, going round', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  await page.locator('#places-sort').selectOption('name');
  await page.locator('#legend button[data-status="contested"]').click();
  const rows = await rowNames(page);
  expect(rows.length).toBe(27);
  // N with nothing selected takes the first row, P the last.
  await page.locator('#map').focus();
  await page.keyboard.press('n');
  await expect(title(page)).toHaveText(rows[0]);
  await expect(page.locator('#details .position')).toHaveText(`1 of ${rows.length}`);
  // Another place is read from its top.
  expect(await page.locator('#details').evaluate((d) => { d.scrollTop = d.scrollHeight; return d.scrollTop; })).toBeGreaterThan(0);
  await page.keyboard.press('n');
  await expect(title(page)).toHaveText(rows[1]);
  expect(await page.locator('#details').evaluate((d) => d.scrollTop)).toBe(0);
  await page.keyboard.press('p');
  await page.locator('#details .card-next').click();
  await expect(title(page)).toHaveText(rows[1]);
  await expect(page.locator('#details .card-next')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title(page)).toHaveText(rows[2]);
  await page.locator('#details .card-previous').click();
  await expect(title(page)).toHaveText(rows[1]);
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(title(page)).toHaveText(rows[rows.length - 1]);
  await expect(page.locator('#details .position')).toHaveText(`${rows.length} of ${rows.length}`);
  await page.keyboard.press(']');
  await expect(title(page)).toHaveText(rows[0]);
  await page.keyboard.press('[');
  await expect(title(page)).toHaveText(rows[rows.length - 1]);
  // The selected row follows, and the keys type in a text field.
  await expect(page.locator('#places button[aria-pressed="true"] .name')).toHaveText(rows[rows.length - 1]);
  await page.locator('#place-search').focus();
  await page.keyboard.press('n');
  await expect(page.locator('#place-search')).toHaveValue('n');
  await expect(title(page)).toHaveText(rows[rows.length - 1]);
  await expect(page.locator('#details .card-next')).toHaveAttribute('aria-keyshortcuts', 'n');
  await expect(page.locator('#map')).toHaveAccessibleDescription(/N and P select the next and the previous place/);
});

test('a pinned place stays beside the selected one, in the address too, until unpinned', async ({ page }) => {
  await open(page);
  await loadSides(page);
  await select(page, 'Nikolske');
  const pin = page.locator('#details .card-pin');
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  // The pinned place is the one selected: one card.
  await expect(page.locator('#pinned')).toBeHidden();
  await select(page, 'Kurakhove');
  const pinned = page.locator('#pinned');
  await expect(pinned).toBeVisible();
  await expect(pinned.locator('h3')).toHaveText('Nikolske');
  await expect(pinned.locator('.side-group h4')).toHaveText(['Ukraine says: contested', 'Russia says: occupied']);
  await expect(title(page)).toHaveText('Kurakhove');
  await expect(page.locator('#details .card-pin')).toHaveAttribute('aria-pressed', 'false');
  // Side by side on a wide screen.
  const a = (await pinned.boundingBox())!;
  const b = (await page.locator('#details').boundingBox())!;
  expect(Math.abs(a.y - b.y)).toBeLessThan(2);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/place=Kurakhove&pin=Nikolske$/);
  // The pin survives the next place, Escape and a reload.
  await page.keyboard.press('n');
  await expect(title(page)).toHaveText('Selydove');
  await page.keyboard.press('Escape');
  await expect(pinned.locator('h3')).toHaveText('Nikolske');
  await select(page, 'Ukrainsk');
  await page.waitForFunction(() => location.hash.includes('place=Ukrainsk'));
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  await expect(title(page)).toHaveText('Ukrainsk');
  await expect(page.locator('#pinned h3')).toHaveText('Nikolske');
  await page.locator('#pinned .card-unpin').click();
  await expect(page.locator('#pinned')).toBeHidden();
  await expect(page.locator('#details')).toBeFocused();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('pin=');
  // Another article drops the pin.
  await page.locator('#details .card-pin').click();
  await select(page, 'Kurakhove');
  await expect(page.locator('#pinned')).toBeVisible();
  await loadSides(page);
  await expect(page.locator('#pinned')).toBeHidden();
});

test('the desktop layout keeps the article box at the foot of the side panel and the details in it', async ({ page }) => {
  await open(page);
  await select(page, 'Izium');
  expect(await page.evaluate(() => document.querySelector('.side')!.lastElementChild!.className)).toBe('input-pane');
  expect(await page.locator('#detail-cards').evaluate((e) => getComputedStyle(e).position)).toBe('static');
  await expect(page.locator('#details .card-close')).toBeHidden();
  const side = (await page.locator('.side').boundingBox())!;
  const cards = (await page.locator('#detail-cards').boundingBox())!;
  expect(cards.x).toBeGreaterThanOrEqual(side.x);
  expect(cards.y + cards.height).toBeLessThanOrEqual((await page.locator('.input-pane').boundingBox())!.y);
});
