// Measurements, not assertions (run by scripts/measure_web.sh): time to the first drawn map and
// to the mapped seed article, re-mapping the seed and a 1 MB article, the frame time of a pan,
// and the bytes the page downloads. Writes test-results/measurements.json.
import { test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED = readFileSync(join(__dirname, '..', '..', 'www', 'examples', 'seed.txt'), 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

test('measure the page', async ({ page }) => {
  let bytes = 0;
  const files: Record<string, number> = {};
  page.on('response', async (r) => {
    const body = await r.body().catch(() => Buffer.alloc(0));
    bytes += body.length;
    files[new URL(r.url()).pathname] = body.length;
  });
  const loads: { firstMap: number; seedMapped: number }[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('/');
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    loads.push(await page.evaluate(() => ({
      firstMap: performance.getEntriesByName('frontline-map-drawn')[0].startTime,
      seedMapped: performance.getEntriesByName('frontline-article-mapped')[0].startTime,
    })));
  }
  const remap = async (text: string, runs: number) => median(await page.evaluate(([t, n]) => {
    const out: number[] = [];
    for (let i = 0; i < (n as number); i++) {
      const t0 = performance.now();
      (window as any).frontline.loadArticle(t as string);
      out.push(performance.now() - t0);
    }
    return out;
  }, [text, runs]));
  const seedRemap = await remap(SEED, 15);
  let big = '';
  while (big.length < 1_000_000) big += SEED + '\n\n';
  const bigRemap = await remap(big, 3);
  await page.evaluate((t) => (window as any).frontline.loadArticle(t), SEED);
  const pan = await page.evaluate(() => {
    const canvas = document.getElementById('map')!;
    canvas.focus();
    const ctx = (canvas as HTMLCanvasElement).getContext('2d')!;
    const draw: number[] = [];
    const raster: number[] = [];
    for (let i = 0; i < 40; i++) {
      const key = i % 2 ? 'ArrowLeft' : 'ArrowRight';
      const t0 = performance.now();
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      draw.push(performance.now() - t0);
      ctx.getImageData(0, 0, 1, 1);
      raster.push(performance.now() - t0);
    }
    return { draw, raster };
  });
  const result = {
    firstMapMs: median(loads.map((l) => l.firstMap)),
    seedMappedAfterLoadMs: median(loads.map((l) => l.seedMapped)),
    remapSeedMs: seedRemap,
    remap1MBMs: bigRemap,
    oneMBArticleBytes: Buffer.byteLength(big),
    panFrameMs: median(pan.draw),
    panFrameMaxMs: Math.max(...pan.draw),
    panFrameWithRasterMs: median(pan.raster),
    pageDownloadBytes: Object.values(files).reduce((a, b) => a + b, 0),
    files,
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(__dirname, 'test-results'), { recursive: true });
  writeFileSync(join(__dirname, 'test-results', 'measurements.json'), JSON.stringify(result, null, 2));
});
