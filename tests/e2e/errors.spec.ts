// End-to-end tests of honest errors: empty and oversized articles are refused before any work
// and leave the map as it was; a map of an older text is greyed; files in other encodings are
// read; HTML is reduced to its text.
import { test, expect, open, places, Page, SEED } from './fixtures';

// What the page shows of the mapped article: its places, list rows and selected place.
async function mapState(page: Page) {
  return {
    places: await places(page),
    list: await page.locator('#places li').allTextContents(),
    details: await page.locator('#details h3').allTextContents(),
  };
}

// Records every text #message shows from now on.
async function recordMessages(page: Page) {
  await page.evaluate(() => {
    const m = document.getElementById('message')!;
    (window as any).messages = [];
    new MutationObserver(() => (window as any).messages.push(m.textContent)).observe(m, { childList: true, characterData: true, subtree: true });
  });
}

// Drops `files` on the page as a drag from the file manager would.
async function drop(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(([name, base64]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, bytes.toString('base64')]);
}

test('an empty or blank article is refused and leaves the map, list and details alone', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).frontline.select('Izium'));
  const before = await mapState(page);
  expect(before.details).toEqual(['Izium']);

  await page.locator('#article').fill('');
  await page.locator('#map-it').click();
  await expect(page.locator('#message')).toHaveText(/^The article is empty\./);
  await expect(page.locator('#message')).toHaveClass(/error/);
  expect(await mapState(page)).toEqual(before);

  await page.locator('#article').fill('  \n\t \n ');
  await page.locator('#article').press('Control+Enter');
  await expect(page.locator('#message')).toHaveText(/^The article is empty\./);
  expect(await mapState(page)).toEqual(before);

  expect(await page.evaluate(() => (window as any).frontline.loadArticle(' \n '))).toBe(0);
  await expect(page.locator('#message')).toHaveText(/^This text is empty\./);
  await page.locator('#file').setInputFiles({ name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from('\r\n  \r\n') });
  await expect(page.locator('#message')).toHaveText(/^“blank\.txt” is empty\./);
  await drop(page, 'nothing.txt', Buffer.alloc(0));
  await expect(page.locator('#message')).toHaveText(/^“nothing\.txt” is empty\./);
  expect(await mapState(page)).toEqual(before);
  await expect(page.locator('#message')).not.toContainText('names no place');
});

test('one size limit, said with the size, refuses a paste, a file and a drop before any work', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).frontline.select('Kupiansk'));
  const before = await mapState(page);
  await recordMessages(page);
  const limit = 'Frontline maps articles of up to 2 MB.';

  const big = 'Kherson was liberated. '.repeat(120_000); // 2.6 MB
  await page.locator('#article').evaluate((box: HTMLTextAreaElement, text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await page.locator('#map-it').click();
  await expect(page.locator('#message')).toHaveText(`The article is 2.6 MB; ${limit} Map a shorter part.`);
  expect(await mapState(page)).toEqual(before);
  await expect(page.locator('#stale-hint'), 'the old map is greyed beside the new text').toBeVisible();

  expect(await page.evaluate((text) => (window as any).frontline.loadArticle(text), big)).toBe(0);
  await expect(page.locator('#message')).toHaveText(`This text is 2.6 MB; ${limit} Map a shorter part.`);

  await page.locator('#article').fill(SEED);
  await expect(page.locator('#stale-hint')).toBeHidden();
  const file = Buffer.alloc(3 * 1_048_576, 'Kherson. ');
  await page.locator('#file').setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: file });
  await expect(page.locator('#message')).toHaveText(`“big.txt” is 3.0 MB; ${limit} Map a shorter part.`);
  expect(await mapState(page)).toEqual(before);
  await expect(page.locator('#article')).toHaveValue(SEED);

  await drop(page, 'dropped.txt', Buffer.alloc(2 * 1_048_576 + 1, 'Kherson. '));
  await expect(page.locator('#message')).toHaveText(`“dropped.txt” is 2.0 MB; ${limit} Map a shorter part.`);
  expect(await mapState(page)).toEqual(before);

  const messages: string[] = await page.evaluate(() => (window as any).messages);
  expect(messages.filter((m) => /Mapping/.test(m)), 'no work was announced').toEqual([]);
});

test('a map of an earlier text is greyed with a hint to map again, until it is mapped', async ({ page }) => {
  await open(page);
  const hint = page.locator('#stale-hint');
  const filter = () => page.locator('#map').evaluate((c) => getComputedStyle(c).filter);
  await expect(hint).toBeHidden();
  expect(await filter()).toBe('none');
  const before = await mapState(page);

  await page.locator('#article').press('End');
  await page.locator('#article').pressSequentially(' Kherson was shelled.');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Press “Map it”');
  expect(await filter()).toContain('grayscale');
  expect(await mapState(page), 'the map still shows the text mapped').toEqual(before);

  await page.locator('#article').fill(SEED);
  await expect(hint).toBeHidden();
  await page.locator('#article').fill('Russian forces shelled Kharkiv overnight.');
  await expect(hint).toBeVisible();
  await page.locator('#map-it').click();
  await expect(hint).toBeHidden();
  expect(await filter()).toBe('none');
  expect((await places(page)).map((p) => p.name)).toEqual(['Kharkiv']);

  await page.locator('#article').fill('');
  await expect(hint).toBeVisible();
  await page.locator('#examples').selectOption('kherson.txt');
  await expect(hint).toBeHidden();
  await expect(page.locator('#places')).toContainText('Kherson');
});
