// End-to-end tests of moving the map: double-click and double-tap zoom, the wheel only with
// Ctrl or once the map has the focus, pinch and two-finger pan (CDP touch events), one finger
// left to the page, pan kept over the map's region, tap targets, the view and selected place in
// the address, and a re-fit on resize while the reader has not moved the view.
import { test, expect, open, placeNamed, Page } from './fixtures';

// The view the address names: longitude, latitude, zoom level.
async function addressView(page: Page): Promise<number[]> {
  await page.waitForFunction(() => location.hash.includes('view='));
  return page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('view')!.split(',').map(Number));
}

// The distance in CSS pixels between Kupiansk and Izium on the screen.
async function spread(page: Page): Promise<number> {
  const [a, b] = [await placeNamed(page, 'Kupiansk'), await placeNamed(page, 'Izium')];
  return Math.hypot(a.x - b.x, a.y - b.y);
}

// The page position of the canvas point (x, y).
async function onPage(page: Page, x: number, y: number) {
  const box = (await page.locator('#map').boundingBox())!;
  return { x: box.x + x, y: box.y + y };
}

test('a double click zooms in twice about the pointer', async ({ page }) => {
  await open(page);
  const before = await spread(page);
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.dblclick(box.x + 40, box.y + box.height - 60);
  await expect.poll(() => spread(page)).toBeCloseTo(before * 2, 0);
});

test('the wheel scrolls the page unless Ctrl is held or the map has the focus', async ({ page }) => {
  await open(page);
  const before = await spread(page);
  const box = (await page.locator('#map').boundingBox())!;
  await page.locator('#article').focus();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect(page.locator('#map-hint')).toBeVisible();
  await expect(page.locator('#map-hint')).toContainText('Ctrl');
  expect(await spread(page)).toBeCloseTo(before, 5);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(() => spread(page)).toBeGreaterThan(before * 1.5);
  const zoomed = await spread(page);
  await page.locator('#map').focus();
  await page.mouse.wheel(0, 300);
  await expect.poll(() => spread(page)).toBeLessThan(zoomed / 1.5);
});

test('panning stops at the edge of the map region', async ({ page }) => {
  await open(page);
  await page.locator('#map').focus();
  const press = async (n: number) => { for (let i = 0; i < n; i++) await page.keyboard.press('ArrowLeft'); };
  await press(40);
  const after40 = await addressView(page);
  await press(20);
  await page.waitForTimeout(300);
  const after60 = await addressView(page);
  expect(after60[0]).toBeCloseTo(after40[0], 3);
  // Still over Europe, not the open sea west of it.
  expect(after60[0]).toBeGreaterThan(10);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

  // Sends touch events through one CDP session, as a finger or two on the screen would.
  async function toucher(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    return async (type: string, points: { x: number; y: number }[]) => {
      await cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
      });
    };
  }

  test('two fingers pinch-zoom and pan the map; one finger leaves it to the page', async ({ page }) => {
    await open(page);
    await page.locator('#map').scrollIntoViewIfNeeded();
    const before = await spread(page);
    const c = await onPage(page, 150, 150);
    const touch = await toucher(page);
    // Pinch: the fingers move apart to twice their distance.
    await touch('touchStart', [{ x: c.x - 20, y: c.y }, { x: c.x + 20, y: c.y }]);
    for (const d of [25, 30, 35, 40]) {
      await touch('touchMove', [{ x: c.x - d, y: c.y }, { x: c.x + d, y: c.y }]);
    }
    await touch('touchEnd', []);
    await expect.poll(() => spread(page)).toBeCloseTo(before * 2, 0);
    // Two fingers moving together pan it.
    const kupiansk = await placeNamed(page, 'Kupiansk');
    await touch('touchStart', [{ x: c.x - 20, y: c.y }, { x: c.x + 20, y: c.y }]);
    for (const dy of [10, 20, 30]) {
      await touch('touchMove', [{ x: c.x - 20, y: c.y + dy }, { x: c.x + 20, y: c.y + dy }]);
    }
    await touch('touchEnd', []);
    await expect.poll(async () => (await placeNamed(page, 'Kupiansk')).y).toBeCloseTo(kupiansk.y + 30, 0);
    // One finger does not move the map, and says how to.
    const still = await placeNamed(page, 'Kupiansk');
    const scrolled = await page.evaluate(() => window.scrollY);
    const from = await onPage(page, 150, 150);
    await touch('touchStart', [from]);
    for (const dy of [10, 20, 40, 60]) await touch('touchMove', [{ x: from.x, y: from.y - dy }]);
    await touch('touchEnd', []);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);
    expect((await placeNamed(page, 'Kupiansk')).x).toBeCloseTo(still.x, 5);
    await expect(page.locator('#map-hint')).toContainText('two fingers');
  });

  test('a double tap zooms in and the map buttons are large enough to tap', async ({ page }) => {
    await open(page);
    await page.locator('#map').scrollIntoViewIfNeeded();
    const before = await spread(page);
    const c = await onPage(page, 100, 100);
    await page.touchscreen.tap(c.x, c.y);
    await page.touchscreen.tap(c.x, c.y);
    await expect.poll(() => spread(page)).toBeCloseTo(before * 2, 0);
    for (const id of ['#zoom-in', '#zoom-out', '#zoom-fit']) {
      const b = (await page.locator(id).boundingBox())!;
      expect(Math.min(b.width, b.height), id).toBeGreaterThanOrEqual(44);
    }
  });
});

test('the view and the selected place survive a reload through the address', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).frontline.select('Izium'));
  const hash = () => page.evaluate(() => location.hash);
  await expect.poll(hash).toContain('place=Izium');
  const selected = await hash();
  await page.locator('#zoom-in').click();
  await expect.poll(hash).not.toBe(selected);
  const view = await addressView(page);
  const izium = await placeNamed(page, 'Izium');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  await expect(page.locator('#details h3')).toHaveText('Izium');
  const again = await placeNamed(page, 'Izium');
  expect(again.x).toBeCloseTo(izium.x, 0);
  expect(again.y).toBeCloseTo(izium.y, 0);
  expect(await addressView(page)).toEqual(view);
});

test('a resize fits the view again until the reader moves it', async ({ page }) => {
  await open(page);
  const fitted = await spread(page);
  await page.setViewportSize({ width: 1800, height: 1000 });
  await expect.poll(() => spread(page)).toBeGreaterThan(fitted * 1.2);
  await page.locator('#zoom-in').click();
  const moved = await spread(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  expect(await spread(page)).toBeCloseTo(moved, 0);
});
