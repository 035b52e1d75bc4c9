// End-to-end tests of finding and filtering: the search over the places, the HTML legend that
// toggles statuses, the list's sort, height and scrolling, and hover between list and map.
import { test, expect, open, places, placeNamed, loadBulletin, rowNames, Page, Place } from './fixtures';

// The canvas pixels (RGBA) of a square of `r` CSS pixels around (x, y).
async function pixels(page: Page, x: number, y: number, r = 12): Promise<number[]> {
  return page.evaluate(([x, y, r]) => {
    const c = document.getElementById('map') as HTMLCanvasElement;
    const k = c.width / c.clientWidth;
    return Array.from(c.getContext('2d')!.getImageData(Math.round((x - r) * k), Math.round((y - r) * k), Math.round(2 * r * k), Math.round(2 * r * k)).data);
  }, [x, y, r]);
}

const shownNames = async (page: Page) => (await places(page)).filter((p) => p.shown).map((p) => p.name);

test('the search filters the list and the map by name or a spelling the article used, in any case and accents', async ({ page }) => {
  await open(page);
  const all = (await places(page)).map((p) => p.name);
  const kupiansk = await placeNamed(page, 'Kupiansk');
  const drawn = await pixels(page, kupiansk.x, kupiansk.y);
  const search = page.locator('#place-search');
  await expect(search).toHaveAttribute('type', 'search');

  // "Izyum" is how the article writes Izium.
  for (const query of ['IZYUM', 'Ízyum', 'izi']) {
    await search.fill(query);
    expect(await rowNames(page), query).toEqual(['Izium']);
    expect(await shownNames(page), query).toEqual(['Izium']);
  }
  await expect(page.locator('#places-count')).toHaveText(`(1 of ${all.length})`);
  // Kupiansk's marker is gone from the map.
  expect(await pixels(page, kupiansk.x, kupiansk.y)).not.toEqual(drawn);
  await search.fill('kiev');
  expect(await rowNames(page)).toEqual(['Kyiv']);

  // A selected place that the search leaves out is unselected.
  await page.evaluate(() => (window as any).frontline.select('Kyiv'));
  await search.fill('kup');
  expect(await rowNames(page)).toEqual(['Kupiansk']);
  await expect(page.locator('#places button[aria-pressed="true"]')).toHaveCount(0);
  await expect(page.locator('#details .hint')).toBeVisible();

  await search.fill('Atlantis');
  expect(await rowNames(page)).toEqual([]);
  await expect(page.locator('#places-none')).toHaveText('No place matches “Atlantis” among the statuses shown.');
  await search.fill('');
  expect(await rowNames(page)).toEqual(all);
  await expect(page.locator('#places-none')).toBeHidden();
  expect(await shownNames(page)).toEqual(all);
  expect(await pixels(page, kupiansk.x, kupiansk.y)).toEqual(drawn);
});

test('the HTML legend counts each status and toggles it on the map and in the list', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  const all = await places(page);
  const count = (s: string) => all.filter((p) => p.status === s).length;
  const buttons = page.locator('#legend button');
  await expect(buttons).toHaveCount(6);
  for (const [i, s] of ['liberated', 'occupied', 'contested', 'attacked', 'evacuated', 'mentioned'].entries()) {
    await expect(buttons.nth(i)).toHaveAttribute('aria-pressed', 'true');
    await expect(buttons.nth(i)).toHaveAccessibleName(`${s[0].toUpperCase()}${s.slice(1)} ${count(s)}`);
  }
  const contested = page.locator('#legend button[data-status="contested"]');
  await contested.click();
  await expect(contested).toHaveAttribute('aria-pressed', 'false');
  const rows = await rowNames(page);
  expect(rows.length).toBe(63 - count('contested'));
  const now = await places(page);
  for (const p of now) expect(p.shown, p.name).toBe(p.status !== 'contested');
  const clustered = (await page.evaluate(() => (window as any).frontline.clusters())).flatMap((c: { names: string[] }) => c.names);
  for (const name of clustered) expect(now.find((p) => p.name === name)!.status).not.toBe('contested');
  await expect(page.locator('#places li:not([hidden]) .status.contested')).toHaveCount(0);
  // Toggles add up: attacked off too, then both on again.
  await page.locator('#legend button[data-status="attacked"]').click();
  expect((await rowNames(page)).length).toBe(63 - count('contested') - count('attacked'));
  await contested.click();
  await page.locator('#legend button[data-status="attacked"]').click();
  expect((await rowNames(page)).length).toBe(63);
  expect((await places(page)).every((p) => p.shown)).toBe(true);
});

test('the list sorts by article order, status or name', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  const all = await places(page);
  const sort = page.locator('#places-sort');
  await sort.selectOption('name');
  const byName = await rowNames(page);
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  expect(byName.length).toBe(63);
  await sort.selectOption('status');
  const statuses = await page.locator('#places li .status').allTextContents();
  const order = ['liberated', 'occupied', 'contested', 'attacked', 'evacuated', 'mentioned'];
  expect(statuses).toEqual([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  await sort.selectOption('article');
  expect(await rowNames(page)).toEqual(all.map((p) => p.name));
});

test('the list takes the free height and brings a place clicked on the map into view', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  const list = page.locator('#places');
  const box = (await list.boundingBox())!;
  expect(box.height, 'the list is taller than the old 176 px').toBeGreaterThan(300);
  // The side panel has no free height left below the article box.
  const side = (await page.locator('.side').boundingBox())!;
  const input = (await page.locator('.input-pane').boundingBox())!;
  expect(side.y + side.height - (input.y + input.height)).toBeLessThan(4);

  // The last place in article order that stands alone on the map, its row scrolled out of view.
  const clustered = new Set((await page.evaluate(() => (window as any).frontline.clusters())).flatMap((c: { names: string[] }) => c.names));
  const map = (await page.locator('#map').boundingBox())!;
  const alone = (await places(page)).filter((p: Place) => !clustered.has(p.name) && p.x > 20 && p.y > 20 && p.x < map.width - 20 && p.y < map.height - 20);
  const target = alone[alone.length - 1];
  const row = page.locator('#places button', { hasText: target.name });
  const inView = async () => {
    const r = (await row.boundingBox())!;
    const l = (await list.boundingBox())!;
    return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1;
  };
  await list.evaluate((l) => { l.scrollTop = 0; });
  expect(await inView(), `${target.name}'s row starts out of view`).toBe(false);
  await page.locator('#map').click({ position: { x: target.x, y: target.y } });
  await expect(page.locator('#details h3')).toHaveText(target.name);
  await expect(row).toHaveAttribute('aria-pressed', 'true');
  expect(await inView()).toBe(true);
});

test('hovering or focusing a row highlights its marker, and hovering a marker highlights its row', async ({ page }) => {
  await open(page);
  const hovered = () => page.evaluate(() => (window as any).frontline.hovered());
  const kupiansk = await placeNamed(page, 'Kupiansk');
  const plain = await pixels(page, kupiansk.x, kupiansk.y);
  await page.locator('#places button', { hasText: 'Kupiansk' }).hover();
  expect(await hovered()).toBe('Kupiansk');
  expect(await pixels(page, kupiansk.x, kupiansk.y), 'the marker is highlighted').not.toEqual(plain);
  await page.mouse.move(5, 5);
  expect(await hovered()).toBe(null);
  expect(await pixels(page, kupiansk.x, kupiansk.y)).toEqual(plain);
  await page.locator('#places button', { hasText: 'Izium' }).focus();
  expect(await hovered()).toBe('Izium');
  await page.locator('#article').focus();
  expect(await hovered()).toBe(null);

  const box = (await page.locator('#map').boundingBox())!;
  const izium = await placeNamed(page, 'Izium');
  await page.mouse.move(box.x + izium.x, box.y + izium.y);
  await expect(page.locator('#places button.hovered')).toHaveText(/Izium/);
  await expect(page.locator('#places button.hovered')).toHaveCount(1);
  await page.mouse.move(box.x + 5, box.y + 5);
  await expect(page.locator('#places button.hovered')).toHaveCount(0);
});

test('hovering the row of a clustered place draws its marker over the cluster', async ({ page }) => {
  await open(page);
  await loadBulletin(page);
  const clusters = await page.evaluate(() => (window as any).frontline.clusters());
  const name: string = clusters[0].names[0];
  const p = await placeNamed(page, name);
  const plain = await pixels(page, p.x, p.y);
  await page.locator('#places button', { hasText: name }).first().hover();
  expect(await page.evaluate(() => (window as any).frontline.hovered())).toBe(name);
  expect(await pixels(page, p.x, p.y)).not.toEqual(plain);
  expect(await page.evaluate(() => (window as any).frontline.clusters())).toEqual(clusters);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('hovering and clicking a marker scroll the list to its row, never the page', async ({ page }) => {
    await open(page);
    await loadBulletin(page);
    const clustered = new Set((await page.evaluate(() => (window as any).frontline.clusters())).flatMap((c: { names: string[] }) => c.names));
    const map = (await page.locator('#map').boundingBox())!;
    const alone = (await places(page)).filter((p: Place) => !clustered.has(p.name) && p.x > 20 && p.y > 20 && p.x < map.width - 20 && p.y < map.height - 20);
    const target = alone[alone.length - 1];
    await page.mouse.move(map.x + target.x, map.y + target.y);
    await expect(page.locator('#places button.hovered')).toHaveText(new RegExp(target.name));
    await page.locator('#map').click({ position: { x: target.x, y: target.y } });
    await expect(page.locator('#details h3')).toHaveText(target.name);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.locator('#places').evaluate((l) => l.scrollTop)).toBeGreaterThan(0);
  });
});
