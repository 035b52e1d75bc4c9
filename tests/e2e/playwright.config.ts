// Playwright runs the end-to-end tests against the built page (scripts/build_web.sh) served on
// loopback, in the system Chromium (no browser download).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.FRONTLINE_TEST_PORT ?? 8181);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // The measurements run only from scripts/measure_web.sh.
  testIgnore: process.env.FRONTLINE_MEASURE ? [] : ['measure.spec.ts'],
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ../../www`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
