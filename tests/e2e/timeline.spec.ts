// End-to-end tests of many reports on one map (issue 9): the Reports list and "Add", the
// timeline under the map, a place's history and the two sides' opposite claims, several files
// at once, the example series and the set kept across a reload. The reports in fixtures/set
// were written for these tests: Kupiansk is occupied on 5 September, contested on 8 September
// and liberated on 12 September; Vovchansk is liberated by the Ukrainian General Staff's
// account of 12 September and held by Russian troops by the Russian Defence Ministry's of
// 13 September.
import { test, expect, open, Page } from './fixtures';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, 'fixtures', 'set');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const TEXTS = FILES.map((f) => readFileSync(join(DIR, f), 'utf8'));
const frontline = (page: Page, call: string, ...args: unknown[]) =>
  page.evaluate(([c, a]) => (window as any).frontline[c as string](...(a as unknown[])), [call, args] as const);

async function statusOf(page: Page, name: string): Promise<string | undefined> {
  const all = (await frontline(page, 'places')) as { name: string; status: string }[];
  return all.find((p) => p.name === name)?.status;
}

// Maps `text` alone with "Map it" (the page opens with the seed article mapped).
async function mapIt(page: Page, text: string) {
  await page.fill('#article', text);
  await page.click('#map-it');
  await expect(page.locator('#message')).toContainText('found');
}

// Makes the four reports of fixtures/set the set: the first with "Map it", the second with
// the "Add" button, the others through window.frontline.
async function addSet(page: Page) {
  await mapIt(page, TEXTS[0]);
  await expect(page.locator('#reports-pane')).toBeHidden();
  await page.fill('#article', TEXTS[1]);
  await page.click('#add-report');
  await expect(page.locator('#reports-pane')).toBeVisible();
  for (const t of TEXTS.slice(2)) expect(await frontline(page, 'addArticle', t)).toBeGreaterThan(0);
  await expect(page.locator('#reports li')).toHaveCount(4);
}

test('"Add" lists each report with its title, date and source, and the map shows them all as of the latest', async ({ page }) => {
  await open(page);
  await addSet(page);
  expect(await frontline(page, 'reports')).toEqual([
    { title: 'Morning bulletin of the Ukrainian General Staff, written for the Frontline tests', date: '2022-09-05', source: null, added: false, hidden: false },
    { title: 'Evening report of a regional news site, written for the Frontline tests', date: '2022-09-08', source: null, added: false, hidden: false },
    { title: 'Statement of the Ukrainian General Staff, written for the Frontline tests', date: '2022-09-12', source: 'the Ukrainian General Staff', added: false, hidden: false },
    { title: 'Statement of the Russian Defence Ministry, written for the Frontline tests', date: '2022-09-13', source: null, added: false, hidden: false },
  ]);
  const rows = page.locator('#reports li');
  await expect(rows.nth(2).locator('.title')).toHaveValue('Statement of the Ukrainian General Staff, written for the Frontline tests');
  await expect(rows.nth(2).locator('input[type="date"]')).toHaveValue('2022-09-12');
  await expect(rows.nth(2).locator('.source')).toHaveText('the Ukrainian General Staff');
  await expect(page.locator('#reports .added')).toHaveCount(0);
  expect(await statusOf(page, 'Kupiansk')).toBe('liberated');
  expect(await statusOf(page, 'Vovchansk')).toBe('disputed');
  const disputed = page.locator('#legend button[data-status="disputed"]');
  await expect(disputed).toHaveAccessibleName('Disputed 1');
  // A report without a date of its own gets the day it was added, marked as such.
  expect(await frontline(page, 'addArticle', 'A note written for the Frontline tests\nShelling hit Kupiansk.')).toBe(1);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(rows.nth(4).locator('.added')).toHaveText('(added)');
  await expect(rows.nth(4).locator('input[type="date"]')).toHaveValue(today);
  expect(await statusOf(page, 'Kupiansk')).toBe('attacked');
  // A date given with the text is the report's own.
  expect(await frontline(page, 'addArticle', 'A second note written for the Frontline tests\nShelling hit Izium.', '2022-09-20')).toBe(1);
  await expect(rows.nth(5).locator('input[type="date"]')).toHaveValue('2022-09-20');
  await expect(rows.nth(5).locator('.added')).toHaveCount(0);
});

test('three reports of different dates make a place change status as the slider moves', async ({ page }) => {
  await open(page);
  await addSet(page);
  const slider = page.locator('#timeline');
  await expect(page.locator('#timeline-bar')).toBeVisible();
  await expect(page.locator('#timeline-ticks option')).toHaveCount(4);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-05');
  await expect(slider).toHaveAttribute('aria-valuetext', '2022-09-05');
  expect(await statusOf(page, 'Kupiansk')).toBe('occupied');
  expect(await statusOf(page, 'Vovchansk')).toBeUndefined();
  await expect(page.locator('#reports li.later')).toHaveCount(3);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-08');
  expect(await statusOf(page, 'Kupiansk')).toBe('contested');
  await expect(page.locator('#legend button[data-status="contested"] .count')).not.toHaveText('0');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-12');
  expect(await statusOf(page, 'Kupiansk')).toBe('liberated');
  expect(await statusOf(page, 'Vovchansk')).toBe('liberated');
  await expect(page.locator('#legend button[data-status="disputed"]')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-13');
  expect(await statusOf(page, 'Vovchansk')).toBe('disputed');
  await expect(page.locator('#places li', { hasText: 'Vovchansk' }).locator('.status')).toHaveText('disputed');
  await frontline(page, 'setDate', '2022-09-08');
  await expect(slider).toHaveValue('1');
  expect(await statusOf(page, 'Kupiansk')).toBe('contested');
});

test('Play steps through the dates and stops at the last', async ({ page }) => {
  await open(page);
  await addSet(page);
  await page.locator('#timeline').focus();
  await page.keyboard.press('Home');
  await page.click('#play');
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-08', { timeout: 5000 });
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-13', { timeout: 10_000 });
  await expect(page.locator('#play')).toHaveAttribute('aria-pressed', 'false');
});

test("a place's history lists its reports newest first, and a disputed place's opposite claims stand side by side", async ({ page }) => {
  await open(page);
  await addSet(page);
  expect(await frontline(page, 'select', 'Kupiansk')).toBe(true);
  const entries = page.locator('#details ol.history > li');
  await expect(entries).toHaveCount(3);
  const expected = [['2022-09-12', 'liberated', 'Statement of the Ukrainian General Staff'], ['2022-09-08', 'contested', 'Evening report'],
    ['2022-09-05', 'occupied', 'Morning bulletin']];
  for (const [k, [date, status, report]] of expected.entries()) {
    await expect(entries.nth(k).locator('time')).toHaveText(date);
    await expect(entries.nth(k).locator('.status')).toHaveText(status);
    await expect(entries.nth(k).locator('.report')).toContainText(report);
    await expect(entries.nth(k).locator('mark')).toHaveText('Kupiansk');
  }
  await expect(page.locator('#details .opposite')).toHaveCount(0);
  expect(await frontline(page, 'select', 'Vovchansk')).toBe(true);
  const claims = page.locator('#details .opposite .claim');
  await expect(claims).toHaveCount(2);
  await expect(claims.nth(0)).toContainText('liberated');
  await expect(claims.nth(0)).toContainText('ukrainian side');
  await expect(claims.nth(1)).toContainText('occupied');
  await expect(claims.nth(1)).toContainText('russian side');
  const [a, b] = [await claims.nth(0).boundingBox(), await claims.nth(1).boundingBox()];
  expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width - 1);
  expect(Math.abs(b!.y - a!.y)).toBeLessThan(2);
});

test('a report can be renamed, redated, hidden and removed', async ({ page }) => {
  await open(page);
  await addSet(page);
  const rows = page.locator('#reports li');
  await rows.nth(0).locator('.title').fill('GS, 5 Sept');
  await rows.nth(0).locator('.title').press('Enter');
  await rows.nth(0).locator('.title').blur();
  await expect.poll(async () => ((await frontline(page, 'reports')) as any[])[0].title).toBe('GS, 5 Sept');
  // The contested report moved after the liberation: Kupiansk is contested again.
  await rows.nth(1).locator('input[type="date"]').fill('2022-09-14');
  await expect.poll(() => statusOf(page, 'Kupiansk')).toBe('contested');
  await rows.nth(1).locator('input[type="checkbox"]').uncheck();
  await expect.poll(() => statusOf(page, 'Kupiansk')).toBe('liberated');
  await expect(rows.nth(1)).toHaveClass(/hidden-report/);
  await rows.nth(3).locator('.remove').click();
  await expect(rows).toHaveCount(3);
  expect(await statusOf(page, 'Vovchansk')).toBe('liberated');
});

test('several files at once are added, and a file that is not text is named while the others load', async ({ page }) => {
  await open(page);
  await mapIt(page, TEXTS[3]);
  await page.setInputFiles('#file', [
    { name: FILES[0], mimeType: 'text/plain', buffer: Buffer.from(TEXTS[0]) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
    { name: FILES[2], mimeType: 'text/plain', buffer: Buffer.from(TEXTS[2]) },
  ]);
  await expect(page.locator('#reports li')).toHaveCount(3);
  await expect(page.locator('#message')).toHaveText('2 reports added. “photo.png” is not a text file.');
  await expect(page.locator('#message')).toHaveClass(/error/);
  expect(await statusOf(page, 'Kupiansk')).toBe('liberated');
  expect(await statusOf(page, 'Vovchansk')).toBe('disputed');
});

test('"Clear all" asks first, then empties the map', async ({ page }) => {
  await open(page);
  await addSet(page);
  page.once('dialog', (d) => d.dismiss());
  await page.click('#clear-reports');
  await expect(page.locator('#reports li')).toHaveCount(4);
  page.once('dialog', (d) => d.accept());
  await page.click('#clear-reports');
  await expect(page.locator('#reports-pane')).toBeHidden();
  expect(await frontline(page, 'reports')).toEqual([]);
  expect(await frontline(page, 'places')).toEqual([]);
  await expect(page.locator('#timeline-bar')).toBeHidden();
});

test('the set survives a reload; "Map it" replaces it with one article', async ({ page }) => {
  await open(page);
  await addSet(page);
  await page.locator('#reports li').nth(3).locator('input[type="checkbox"]').uncheck();
  const before = await frontline(page, 'reports');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  expect(await frontline(page, 'reports')).toEqual(before);
  expect(await statusOf(page, 'Vovchansk')).toBe('liberated');
  await page.fill('#article', TEXTS[1]);
  await page.click('#map-it');
  await expect(page.locator('#reports li')).toHaveCount(1);
  await expect(page.locator('#timeline-bar')).toBeHidden();
  expect(await statusOf(page, 'Kupiansk')).toBe('contested');
});

test('the example series loads from the Examples menu with its timeline', async ({ page }) => {
  await open(page);
  await page.selectOption('#examples', 'series');
  page.once('dialog', (d) => d.accept());
  await page.click('#load-example');
  await expect(page.locator('#reports li')).toHaveCount(5);
  await expect(page.locator('#timeline-ticks option')).toHaveCount(5);
  await expect(page.locator('#timeline-date')).toHaveText('2022-10-03');
  await frontline(page, 'setDate', '2022-09-07');
  expect(await statusOf(page, 'Kupiansk')).toBe('occupied');
  await frontline(page, 'setDate', '2022-10-03');
  expect(await statusOf(page, 'Kupiansk')).toBe('liberated');
  expect(await statusOf(page, 'Lyman')).toBe('liberated');
});

test('Export writes the set as GeoJSON and CSV, and Import reads the GeoJSON back to the same places and statuses', async ({ page }) => {
  await open(page);
  await addSet(page);
  await frontline(page, 'addArticle', 'Note, "quoted", written for the Frontline tests\nShelling hit Izium.', '2022-09-10');
  await frontline(page, 'setDate', '2022-09-12');
  const before = await frontline(page, 'places');
  const reportsBefore = await frontline(page, 'reports');
  const [geo] = await Promise.all([page.waitForEvent('download'), page.click('#export-geojson')]);
  expect(geo.suggestedFilename()).toBe('frontline-2022-09-12.geojson');
  const collection = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
  expect(collection.type).toBe('FeatureCollection');
  expect(collection.as_of).toBe('2022-09-12');
  const kupiansk = collection.features.filter((f: any) => f.properties.name === 'Kupiansk');
  expect(kupiansk.map((f: any) => [f.properties.date, f.properties.status, f.properties.status_as_of])).toEqual([
    ['2022-09-05', 'occupied', 'liberated'], ['2022-09-08', 'contested', 'liberated'], ['2022-09-12', 'liberated', 'liberated'],
  ]);
  expect(kupiansk[0].properties.report).toBe('Morning bulletin of the Ukrainian General Staff, written for the Frontline tests');
  expect(kupiansk[0].geometry.type).toBe('Point');
  const vovchansk = collection.features.filter((f: any) => f.properties.name === 'Vovchansk');
  expect(vovchansk.map((f: any) => [f.properties.date, f.properties.status, f.properties.status_as_of])).toEqual([
    ['2022-09-12', 'liberated', 'liberated'], ['2022-09-13', 'occupied', 'liberated'],
  ]);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const lines = readFileSync((await csv.path())!, 'utf8').split('\r\n');
  expect(lines[0]).toBe('report,date,source,place,geonameid,lon,lat,status,claimed_by,status_as_of');
  expect(lines.filter((l) => l.includes(',Kupiansk,'))).toHaveLength(3);
  expect(lines.filter((l) => l.startsWith('"Note, ""quoted"", written for the Frontline tests",2022-09-10,,Izium,'))).toHaveLength(1);
  const features = collection.features.length;
  expect(lines.filter((l) => l !== '')).toHaveLength(features + 1);
  // A fresh page, then the file read back.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  await page.setInputFiles('#file', { name: geo.suggestedFilename(), mimeType: 'application/geo+json', buffer: readFileSync((await geo.path())!) });
  await expect(page.locator('#reports li')).toHaveCount(5);
  expect(await frontline(page, 'reports')).toEqual(reportsBefore);
  await expect(page.locator('#timeline-date')).toHaveText('2022-09-12');
  expect(await frontline(page, 'places')).toEqual(before);
});

test('Import of a GeoJSON without the reports\' texts says so and leaves the map', async ({ page }) => {
  await open(page);
  const before = await frontline(page, 'places');
  await page.setInputFiles('#file', { name: 'cli.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[]}') });
  await expect(page.locator('#message')).toHaveText('“cli.geojson” holds no reports\' texts: Import reads the GeoJSON that Frontline\'s Export writes.');
  await page.setInputFiles('#file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type":') });
  await expect(page.locator('#message')).toHaveText('“broken.json” is not JSON. Import reads the GeoJSON that Export writes.');
  expect(await frontline(page, 'places')).toEqual(before);
});
