// temporary probe (not committed)
import { chromium } from 'playwright';
const port = process.env.PORT || 8394;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--disable-sync'] });
const runs = [];
for (let i = 0; i < Number(process.env.N || 5); i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30000 });
  runs.push(await page.evaluate(() => {
    const o = {};
    for (const e of performance.getEntriesByType('mark')) o[e.name] = Math.round(e.startTime);
    for (const e of performance.getEntriesByType('resource')) o[e.name.replace(/.*\//, '')] = [Math.round(e.startTime), Math.round(e.responseEnd)];
    const n = performance.getEntriesByType('navigation')[0]; o.dcl = Math.round(n.domContentLoadedEventEnd);
    return o;
  }));
  await ctx.close();
}
await browser.close();
for (const r of runs) console.log(JSON.stringify(r));
