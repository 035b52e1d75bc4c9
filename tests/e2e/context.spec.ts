// End-to-end tests of the map's context: land is painted as land and the seas as water out to
// the widest view the map allows, and a place beyond the map (Moscow in the seed article) is
// selected from the list or by its arrow without the view jumping, its details saying where it
// lies.
import { test, expect, open, places, Page } from './fixtures';

const LAND = [0xe9, 0xe7, 0xe1];
const WATER = [0xc6, 0xdc, 0xea];

// The view the address names: longitude, latitude, zoom level.
async function addressView(page: Page): Promise<number[]> {
  await page.waitForFunction(() => location.hash.includes('view='));
  return page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('view')!.split(',').map(Number));
}

// The canvas point (CSS pixels) of a longitude and latitude in the view of the address (Web
// Mercator, as the map draws).
async function onCanvas(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const [clon, clat, zoom] = await addressView(page);
  const box = (await page.locator('#map').boundingBox())!;
  const wx = (l: number) => (l + 180) / 360;
  const wy = (l: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360)) / Math.PI) / 2;
  const scale = 256 * 2 ** zoom;
  return { x: (wx(lon) - wx(clon)) * scale + box.width / 2, y: (wy(lat) - wy(clat)) * scale + box.height / 2 };
}

// The most common colour of the 7×7 device pixels around a canvas point.
async function colourAt(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(([x, y]) => {
    const c = document.getElementById('map') as HTMLCanvasElement;
    const r = window.devicePixelRatio;
    const d = c.getContext('2d')!.getImageData(Math.round(x * r) - 3, Math.round(y * r) - 3, 7, 7).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < d.length; i += 4) {
      const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  }, [x, y]);
}

test('land is land and the seas are water out to the widest view, beyond the detailed map', async ({ page }) => {
  await open(page);
  await page.locator('#map').focus();
  const zoomOut = async () => { for (let i = 0; i < 12; i++) await page.keyboard.press('-'); };
  await zoomOut();
  const widest = await addressView(page);
  await zoomOut();
  expect(await addressView(page)).toEqual(widest);
  const cases: [string, number, number, number[]][] = [
    ['the Volga steppe', 46.0, 49.5, LAND],
    ['Anatolia', 36.5, 39.4, LAND],
    ['the Pannonian plain', 19.5, 46.8, LAND],
    ['the Caspian Sea', 51.0, 41.5, WATER],
    ['the Black Sea off Turkey', 34.5, 42.4, WATER],
    ['the Baltic Sea', 18.5, 55.6, WATER],
  ];
  for (const [what, lon, lat, colour] of cases) {
    const p = await onCanvas(page, lon, lat);
    const box = (await page.locator('#map').boundingBox())!;
    expect(p.x > 10 && p.y > 10 && p.x < box.width - 10 && p.y < box.height - 10, `${what} is in view`).toBe(true);
    expect(await colourAt(page, p.x, p.y), what).toEqual(colour);
  }
});

// Where the arrow toward an off-map place stands: 16 px inside the canvas's edge on the ray from
// its centre toward the place, and its middle 5 px behind the tip.
async function arrowMiddle(page: Page, name: string): Promise<{ x: number; y: number }> {
  const p = (await places(page)).find((q) => q.name === name)!;
  const box = (await page.locator('#map').boundingBox())!;
  const [cx, cy] = [box.width / 2, box.height / 2];
  const [dx, dy] = [p.x - cx, p.y - cy];
  const len = Math.hypot(dx, dy);
  const [ux, uy] = [dx / len, dy / len];
  const reach = Math.min((cx - 16) / Math.max(Math.abs(ux), 1e-9), (cy - 16) / Math.max(Math.abs(uy), 1e-9), len);
  return { x: box.x + cx + ux * (reach - 5), y: box.y + cy + uy * (reach - 5) };
}

// Where the places on the map stand on the canvas: the view, as the reader sees it.
async function onMap(page: Page): Promise<[string, number, number][]> {
  return (await places(page)).filter((p: any) => !p.off_map).map((p) => [p.name, Math.round(p.x), Math.round(p.y)]);
}

test('a place beyond the map is selected from the list or its arrow, the view stays, the details say where it lies', async ({ page }) => {
  await open(page);
  const view = await onMap(page);
  await page.locator('#places button', { hasText: 'Moscow' }).click();
  await expect(page.locator('#details h3')).toHaveText('Moscow');
  await expect(page.locator('#details .off-map')).toHaveText('Off the map: about 670 km north of Kupiansk.');
  await expect(page.locator('#announce')).toHaveText('Moscow, mentioned');
  expect(await onMap(page)).toEqual(view);
  // Another place, then the arrow: a click on it selects Moscow again.
  await page.locator('#places button', { hasText: 'Izium' }).click();
  await expect(page.locator('#details h3')).toHaveText('Izium');
  await expect(page.locator('#details .off-map')).toHaveCount(0);
  const arrow = await arrowMiddle(page, 'Moscow');
  await page.mouse.click(arrow.x, arrow.y);
  await expect(page.locator('#details h3')).toHaveText('Moscow');
  await expect(page.locator('#places button[aria-pressed="true"]')).toContainText('Moscow');
  expect(await onMap(page)).toEqual(view);
});
