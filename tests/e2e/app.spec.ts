// End-to-end tests of the built page: the seed article is mapped, towns can be clicked, other
// articles load, bad input gives messages, and article text never runs as markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open, places, placeNamed, SEED, KHERSON } from './fixtures';

const SEED_TOWNS = ['Kupiansk', 'Izium', 'Balakliia', 'Shevchenkove'];
const FILL: Record<string, [number, number, number]> = {
  liberated: [0x00, 0x9e, 0x73],
  occupied: [0xd5, 0x5e, 0x00],
  contested: [0xe6, 0x9f, 0x00],
  attacked: [0xcc, 0x79, 0xa7],
  evacuated: [0x00, 0x72, 0xb2],
  mentioned: [0xff, 0xff, 0xff],
};

test('the seed article is drawn: basemap, markers in status colours, screenshot', async ({ page }, testInfo) => {
  await open(page);
  const names = (await places(page)).map((p) => p.name);
  for (const town of SEED_TOWNS) expect(names).toContain(town);
  const canvasInfo = await page.evaluate(() => {
    const c = document.getElementById('map') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return { colours: colours.size, ratio: c.width / c.clientWidth };
  });
  expect(canvasInfo.colours, 'the basemap has many colours').toBeGreaterThan(20);
  for (const town of SEED_TOWNS) {
    const p = await placeNamed(page, town);
    const pixel = await page.evaluate(([x, y, r]) => {
      const c = document.getElementById('map') as HTMLCanvasElement;
      return Array.from(c.getContext('2d')!.getImageData(Math.round(x * r), Math.round(y * r), 1, 1).data);
    }, [p.x, p.y, canvasInfo.ratio]);
    const want = FILL[p.status];
    for (let k = 0; k < 3; k++) expect(Math.abs(pixel[k] - want[k]), `${town} marker is ${p.status}`).toBeLessThan(40);
  }
  await page.evaluate(() => (window as any).frontline.select('Izium'));
  await page.screenshot({ path: testInfo.outputPath('screenshot.png') });
});

test('clicking each seed town shows a sentence of the article that names it', async ({ page }) => {
  await open(page);
  for (const town of SEED_TOWNS) {
    const p = await placeNamed(page, town);
    await page.locator('#map').click({ position: { x: p.x, y: p.y } });
    await expect(page.locator('#details h3')).toHaveText(town);
    const sentences = await page.locator('#details .sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(SEED.includes(s), `“${s}” is a sentence of the article`).toBe(true);
    const marked = await page.locator('#details .sentence mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(SEED.includes(m)).toBe(true);
  }
});

test('Izium shows the evacuation quote; the list and select() fill the panel too', async ({ page }) => {
  await open(page);
  const izium = await placeNamed(page, 'Izium');
  await page.locator('#map').click({ position: { x: izium.x, y: izium.y } });
  await expect(page.locator('#details')).toContainText('We have just started to evacuate the city');
  await page.locator('#places button', { hasText: 'Kupiansk' }).click();
  await expect(page.locator('#details h3')).toHaveText('Kupiansk');
  await expect(page.locator('#places button[aria-pressed="true"]')).toContainText('Kupiansk');
  expect(await page.evaluate(() => (window as any).frontline.select('Balakliia'))).toBe(true);
  await expect(page.locator('#details h3')).toHaveText('Balakliia');
  expect(await page.evaluate(() => (window as any).frontline.select('Atlantis'))).toBe(false);
  const region = await placeNamed(page, 'Kharkiv Oblast');
  await page.locator('#map').click({ position: { x: region.x, y: region.y } });
  await expect(page.locator('#details h3')).toHaveText('Kharkiv Oblast');
  await page.locator('#map').click({ position: { x: 5, y: 5 } });
  await expect(page.locator('#details .hint')).toBeVisible();
});

test('hovering a marker shows its name and a pointer cursor', async ({ page }) => {
  await open(page);
  const p = await placeNamed(page, 'Kupiansk');
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await expect(page.locator('#tooltip')).toBeVisible();
  await expect(page.locator('#tooltip')).toHaveText('Kupiansk');
  expect(await page.locator('#map').evaluate((c) => getComputedStyle(c).cursor)).toBe('pointer');
});

test('drag pans, the wheel zooms about the cursor, keys and buttons work', async ({ page }) => {
  await open(page);
  const box = (await page.locator('#map').boundingBox())!;
  const before = await placeNamed(page, 'Izium');
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 340, box.y + 280, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(50);
  const dragged = await placeNamed(page, 'Izium');
  expect(dragged.x - before.x).toBeCloseTo(40, 0);
  expect(dragged.y - before.y).toBeCloseTo(-20, 0);

  await page.mouse.move(box.x + dragged.x, box.y + dragged.y);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(50);
  const zoomed = await placeNamed(page, 'Izium');
  expect(Math.abs(zoomed.x - dragged.x)).toBeLessThan(1);
  const kupiansk = await placeNamed(page, 'Kupiansk');
  const spread = Math.hypot(kupiansk.x - zoomed.x, kupiansk.y - zoomed.y);

  await page.locator('#zoom-out').click();
  const out = await placeNamed(page, 'Kupiansk');
  const outIzium = await placeNamed(page, 'Izium');
  expect(Math.hypot(out.x - outIzium.x, out.y - outIzium.y)).toBeLessThan(spread * 0.8);

  await page.locator('#map').focus();
  await page.keyboard.press('ArrowLeft');
  const keyed = await placeNamed(page, 'Izium');
  expect(keyed.x - outIzium.x).toBeCloseTo(80, 0);
  await page.keyboard.press('+');
  const plus = await placeNamed(page, 'Izium');
  expect(plus).not.toEqual(keyed);

  await page.locator('#zoom-fit').click();
  const fitted = await placeNamed(page, 'Izium');
  expect(fitted.x).toBeCloseTo(before.x, 3);
  expect(fitted.y).toBeCloseTo(before.y, 3);
});

test('another article replaces the places and survives a reload', async ({ page }) => {
  await open(page);
  await page.locator('#article').fill(KHERSON);
  await page.locator('#map-it').click();
  await expect(page.locator('#places')).toContainText('Kherson');
  let names = (await places(page)).map((p) => p.name);
  expect(names).toContain('Kherson');
  expect(names).not.toContain('Kupiansk');

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  names = (await places(page)).map((p) => p.name);
  expect(names).toContain('Kherson');
  await expect(page.locator('#article')).toHaveValue(KHERSON);

  page.once('dialog', (d) => d.accept());
  await page.locator('#examples').selectOption('seed.txt');
  await page.locator('#load-example').click();
  await expect(page.locator('#places')).toContainText('Kupiansk');
  await page.locator('#article').fill('Russian forces shelled Kharkiv overnight.');
  await page.locator('#article').press('Control+Enter');
  await expect(page.locator('#places')).toContainText('Kharkiv');
  expect((await places(page)).map((p) => p.name)).not.toContain('Kupiansk');
});

test('a file can be opened or dropped; a bad file gives a message', async ({ page }) => {
  await open(page);
  await page.locator('#file').setInputFiles({ name: 'kherson.txt', mimeType: 'text/plain', buffer: Buffer.from(KHERSON) });
  await expect(page.locator('#places')).toContainText('Kherson');

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await page.locator('#file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await expect(page.locator('#message')).toContainText('not a text file');
  await expect(page.locator('#places')).toContainText('Kherson');

  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'seed.txt', { type: 'text/plain' }));
    document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, SEED);
  await expect(page.locator('#places')).toContainText('Kupiansk');
});

test('no place, a huge article and missing data give clear messages', async ({ page, allowErrors }) => {
  allowErrors(/status of 404/, /status of 500/);
  await open(page);
  const none = await page.evaluate(() => (window as any).frontline.loadArticle('The weather was mild and nothing happened.'));
  expect(none).toBe(0);
  await expect(page.locator('#message')).toContainText('names no place');

  const huge = await page.evaluate(() => (window as any).frontline.loadArticle('Kupiansk was liberated. '.repeat(220_000)));
  expect(huge).toBe(0);
  await expect(page.locator('#message')).toContainText('MB');
  await expect(page.locator('#error')).toBeHidden();

  await page.route('**/pkg/gazetteer.geojson.gz', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.reload();
  await expect(page.locator('#error')).toContainText('gazetteer');
  await page.route('**/pkg/basemap.json.gz', (route) => route.fulfill({ status: 500, body: 'broken' }));
  await page.reload();
  await expect(page.locator('#error')).toContainText('map could not load');
});

test('article text is inert: HTML in it is reduced to text and never runs, other angle brackets stay', async ({ page }) => {
  await open(page);
  const evil = 'Ukrainian forces liberated Kupiansk <img src=x onerror="window.pwned=1"> and <script>window.pwned=2</script> moved on.';
  await page.locator('#article').fill(evil);
  await page.locator('#map-it').click();
  await expect(page.locator('#article')).toHaveValue('Ukrainian forces liberated Kupiansk and moved on.');
  await page.evaluate(() => (window as any).frontline.select('Kupiansk'));
  await expect(page.locator('#details .sentence')).toHaveText('Ukrainian forces liberated Kupiansk and moved on.');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('#details script, #places script').count()).toBe(0);

  const brackets = 'Ukrainian forces liberated Kupiansk, where 3 < 5 and <<the front>> held.';
  await page.locator('#article').fill(brackets);
  await page.locator('#map-it').click();
  await expect(page.locator('#article')).toHaveValue(brackets);
  await page.evaluate(() => (window as any).frontline.select('Kupiansk'));
  await expect(page.locator('#details .sentence')).toHaveText(brackets);
});

test.describe('on a HiDPI screen', () => {
  test.use({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });

  test('the canvas is crisp and a resize redraws it once', async ({ page }) => {
    // Every paint starts with one setTransform (src/web.rs `paint`).
    await page.addInitScript(() => {
      (window as any).paints = 0;
      const setTransform = CanvasRenderingContext2D.prototype.setTransform;
      CanvasRenderingContext2D.prototype.setTransform = function (...args: any[]) {
        (window as any).paints++;
        return (setTransform as any).apply(this, args);
      };
    });
    await open(page);
    const size = () => page.evaluate(() => {
      const c = document.getElementById('map') as HTMLCanvasElement;
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    await expect.poll(async () => { const s = await size(); return [s.w - s.cw * 2, s.h - s.ch * 2]; }).toEqual([0, 0]);
    const first = await size();
    await page.waitForTimeout(200);
    const paints = await page.evaluate(() => (window as any).paints);
    await page.setViewportSize({ width: 900, height: 650 });
    await expect.poll(async () => (await size()).cw).toBeLessThan(first.cw);
    // The backing store follows on the next ResizeObserver callback.
    await expect.poll(async () => { const s = await size(); return s.w - s.cw * 2; }).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as any).paints) - paints, 'one redraw per resize').toBe(1);
    const second = await size();
    const p = await placeNamed(page, 'Kupiansk');
    expect(p.x).toBeLessThan(second.cw);
  });
});

test('the page loads with a favicon and no failed request', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await open(page);
  const link = page.locator('link[rel="icon"]');
  await expect(link).toHaveCount(1);
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('svg');
  expect(failed).toEqual([]);
});

test('the article heading labels the box and holds no label around a heading', async ({ page }) => {
  await open(page);
  await expect(page.getByLabel('Article', { exact: true })).toHaveAttribute('id', 'article');
  expect(await page.locator('label h1, label h2, label h3').count()).toBe(0);
  await expect(page.locator('h2 label[for="article"]')).toHaveText('Article');
});

test('a 60-place bulletin draws clusters that open on click and split as one zooms in', async ({ page }) => {
  await open(page);
  const bulletin = readFileSync(join(__dirname, 'fixtures', 'bulletin.txt'), 'utf8');
  await page.evaluate((t) => (window as any).frontline.loadArticle(t), bulletin);
  await expect(page.locator('#places li')).toHaveCount(63);
  type Cluster = { x: number; y: number; names: string[] };
  const clusters = (): Promise<Cluster[]> => page.evaluate(() => (window as any).frontline.clusters());
  const before = await clusters();
  expect(before.length).toBeGreaterThan(0);
  const clustered = before.reduce((n, c) => n + c.names.length, 0);
  expect(clustered).toBeGreaterThan(1);
  // Each clustered place is drawn once, in one cluster.
  expect(new Set(before.flatMap((c) => c.names)).size).toBe(clustered);
  const biggest = before.reduce((a, b) => (b.names.length > a.names.length ? b : a));
  // A click on a cluster selects nothing and zooms in: its places move apart and fewer of them
  // stay clustered together.
  await page.locator('#map').click({ position: { x: biggest.x, y: biggest.y } });
  await expect(page.locator('#places button[aria-pressed="true"]')).toHaveCount(0);
  const after = await clusters();
  const together = Math.max(0, ...after.map((c) => c.names.filter((n) => biggest.names.includes(n)).length));
  expect(together).toBeLessThan(biggest.names.length);
  // A selected place leaves its cluster and is labelled on top.
  await page.locator('#zoom-fit').click();
  const inside = (await clusters())[0].names[0];
  await page.evaluate((n) => (window as any).frontline.select(n), inside);
  const now = await clusters();
  expect(now.flatMap((c) => c.names)).not.toContain(inside);
  await expect(page.locator('#details h3')).toHaveText(inside);
});

test('details name the source once, put a status chip on each sentence and never repeat a quotation', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).frontline.select('Kupiansk'));
  await expect(page.locator('#details .source')).toHaveText('Source: the pro-Russians');
  await expect(page.locator('#details')).not.toContainText('Claimed by');
  await expect(page.locator('#details .meta', { hasText: 'According to: the pro-Russians' })).toHaveCount(0);
  await expect(page.locator('#details .said .status').first()).toHaveText('liberated');
  await page.evaluate(() => (window as any).frontline.select('Izium'));
  const text = await page.locator('#details').innerText();
  expect(text.split('We have just started to evacuate the city').length - 1).toBe(1);
  await expect(page.locator('#details .meta', { hasText: 'Quoting: an official' })).toHaveCount(1);
  await expect(page.locator('#details .said .status', { hasText: 'evacuated' })).toHaveCount(1);
});

test('a place beyond the map is marked so in the list, with an arrow at the edge toward it', async ({ page }) => {
  await open(page);
  const moscow = (await places(page)).find((p: any) => p.name === 'Moscow') as any;
  expect(moscow.off_map).toBe(true);
  expect(((await places(page)).find((p: any) => p.name === 'Kupiansk') as any).off_map).toBe(false);
  await expect(page.locator('#places button', { hasText: 'Moscow' })).toContainText('off the map');
  await expect(page.locator('#places button', { hasText: 'Kupiansk' })).not.toContainText('off the map');
  // Moscow lies north-east of the seed's towns: the arrow's dark stroke and its name are near
  // the top edge, and go when mentioned places are hidden.
  const dark = () => page.evaluate(() => {
    const c = document.getElementById('map') as HTMLCanvasElement;
    const ctx = c.getContext('2d')!;
    const r = window.devicePixelRatio;
    const { data } = ctx.getImageData(0, 0, c.width, Math.round(40 * r));
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 110 && data[i + 1] < 110 && data[i + 2] < 110) n++;
    return n;
  });
  const shown = await dark();
  await page.locator('#legend button', { hasText: 'Mentioned' }).click();
  await expect.poll(dark).toBeLessThan(shown - 20);
});
