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
  await expect(page.locator('#message')).toHaveText(`“dropped.txt” is just over 2 MB; ${limit} Map a shorter part.`);
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
  await page.locator('#load-example').click();
  await expect(hint).toBeHidden();
  await expect(page.locator('#places')).toContainText('Kherson');
});

// Encodes `text` in a one-byte code page: ASCII as is, the rest by `table`.
function codePage(text: string, table: Record<string, number>): Buffer {
  return Buffer.from([...text].map((c) => {
    const code = c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table[c];
    if (code === undefined) throw new Error(`no byte for ${c}`);
    return code;
  }));
}

const CP1251: Record<string, number> = {
  ...Object.fromEntries([...'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя'].map((c, i) => [c, 0xc0 + i])),
  'і': 0xb3, 'ї': 0xbf, 'є': 0xba, '«': 0xab, '»': 0xbb, '–': 0x96,
};
const CP1252: Record<string, number> = { 'é': 0xe9, 'ü': 0xfc, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

const MIXED = 'Ukrainian forces liberated Kupiansk on Saturday – «Купянск снова наш», сказал мэр. Збройні сили України звільнили його.\nRussian troops shelled Izium.';
const WESTERN = 'Ukrainian forces liberated Kupiansk – the café owner, Jürgen, said: “We’re back.”\nRussian troops shelled Izium.';

test('files are read by byte-order mark, then as UTF-8, then as Windows-1251 or 1252', async ({ page }) => {
  await open(page);
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MIXED, 'utf16le')]);
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MIXED, 'utf16le').swap16()]);
  const files: [string, Buffer, string][] = [
    ['utf-8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MIXED)]), MIXED],
    ['utf-16le.txt', utf16le, MIXED],
    ['utf-16be.txt', utf16be, MIXED],
    ['utf-8.txt', Buffer.from(WESTERN), WESTERN],
    ['windows-1251.txt', codePage(MIXED, CP1251), MIXED],
    ['windows-1252.txt', codePage(WESTERN, CP1252), WESTERN],
  ];
  for (const [name, bytes, text] of files) {
    await page.evaluate(() => (window as any).frontline.loadArticle('Russian forces shelled Kharkiv overnight.'));
    await page.locator('#file').setInputFiles({ name, mimeType: 'text/plain', buffer: bytes });
    await expect(page.locator('#article'), name).toHaveValue(text);
    const found = (await places(page)).map((p) => p.name);
    expect(found, name).toContain('Kupiansk');
    expect(found, name).toContain('Izium');
  }

  await page.evaluate(() => (window as any).frontline.loadArticle('Russian forces shelled Kharkiv overnight.'));
  await drop(page, 'dropped-1251.txt', codePage(MIXED, CP1251));
  await expect(page.locator('#article')).toHaveValue(MIXED);
  expect((await places(page)).map((p) => p.name)).toContain('Kupiansk');
});

test('a binary file is not a text file, whatever its bytes', async ({ page }) => {
  await open(page);
  const before = await mapState(page);
  const binaries: [string, Buffer][] = [
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['nul.txt', Buffer.from('Kupiansk\0\0\0\x01was liberated')],
    ['controls.bin', Buffer.from([0x4b, 0x75, 0x70, 0x03, 0x04, 0x05, 0x41, 0x42, 0x18, 0x19])],
    ['utf-16-nul.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kupiansk\0', 'utf16le')])],
  ];
  for (const [name, bytes] of binaries) {
    await page.locator('#file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.locator('#message')).toHaveText(`“${name}” is not a text file. Open a .txt or .html file with the article.`);
    expect(await mapState(page), name).toEqual(before);
  }
});

test('pasted or opened HTML is reduced to its text before the places are found', async ({ page }) => {
  await open(page);
  await page.locator('#article').fill('<p>Russian forces <b>captured</b> <a href=x>Avdiivka</a></p>');
  await page.locator('#map-it').click();
  await expect(page.locator('#article')).toHaveValue('Russian forces captured Avdiivka');
  await expect(page.locator('#stale-hint')).toBeHidden();
  expect(await places(page)).toEqual([expect.objectContaining({ name: 'Avdiivka', status: 'occupied' })]);
  await page.evaluate(() => (window as any).frontline.select('Avdiivka'));
  await expect(page.locator('#details .meta').first()).toContainText('occupied');
  expect(await page.locator('#details').textContent()).not.toMatch(/[<>]/);

  const bulletin = `<!doctype html><html><head><title>General Staff</title><style>p { color: red }</style>
    <script>window.pwned = 1</script></head><body><h1>Operational update</h1>
    <p>In the past day, the defence forces repelled&nbsp;attacks near:</p>
    <ul><li>Robotyne</li><li>Verbove</li></ul><!-- footer --><p>The enemy shelled <i>Huliaipole</i>.</p></body></html>`;
  await page.locator('#file').setInputFiles({ name: 'bulletin.html', mimeType: 'text/html', buffer: Buffer.from(bulletin) });
  await expect(page.locator('#article')).toHaveValue(
    'Operational update\n\nIn the past day, the defence forces repelled attacks near:\n\n• Robotyne\n• Verbove\n\nThe enemy shelled Huliaipole.');
  const found = await places(page);
  for (const name of ['Robotyne', 'Verbove', 'Huliaipole']) expect(found.map((p) => p.name)).toContain(name);
  for (const p of found) {
    await page.evaluate((name) => (window as any).frontline.select(name), p.name);
    expect(await page.locator('#details').textContent(), p.name).not.toMatch(/[<>]|color: red|pwned/);
  }
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();

  await page.locator('#article').fill('<p> </p><script>window.pwned = 2</script>');
  await page.locator('#map-it').click();
  await expect(page.locator('#message')).toHaveText('The article is HTML with no text.');
  expect((await places(page)).map((p) => p.name)).toContain('Robotyne');
});
