// Opens a backtest report (one HTML file, no server) in headless Chromium with the network cut off, the way a
// trader opens the file: every chart must draw from the report's own data, nothing may be fetched, no console
// error. Saves a screenshot at 1400 px and one at 800 px. Prints one JSON line.
// Env: DT_REPORT (path of the HTML file), DT_SCREENSHOT (PNG path), DT_TIMEOUT_MS (default 60000).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const report = process.env.DT_REPORT;
const screenshot = process.env.DT_SCREENSHOT;
const timeout = Number(process.env.DT_TIMEOUT_MS || 60000);
if (!report || !screenshot) {
  console.error('DT_REPORT and DT_SCREENSHOT are required');
  process.exit(2);
}

const charts = ['chart-pnl-time', 'chart-pnl-latency', 'chart-lifetimes', 'chart-edges'];
const userDataDir = mkdtempSync(join(tmpdir(), 'dt-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  offline: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 1000 },
});
const problems = [];
const requests = [];
try {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('requestfailed', (request) => problems.push('failed request: ' + request.url()));
  page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
  await page.goto(pathToFileURL(report).href);
  const drawn = {};
  for (const id of charts) {
    await page.waitForFunction((chart) => {
      const element = document.getElementById(chart);
      return element && Number(element.dataset.points) >= 1 && element.querySelector('canvas');
    }, id);
    drawn[id] = {
      points: Number(await page.getAttribute('#' + id, 'data-points')),
      // a drawn canvas has non-blank pixels somewhere
      painted: await page.evaluate((chart) => {
        const canvas = document.querySelector('#' + chart + ' canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
        return painted;
      }, id),
    };
  }
  const runRows = await page.locator('#runs tbody tr.run').count();
  const pairRows = await page.locator('#pairs tbody tr.pair').count();
  const missRows = await page.locator('#missed tbody tr.miss').count();
  const money = await page.textContent('#runs tbody tr.run td.money');
  // a token id is a uint256 in decimal (up to 78 digits): none may show whole
  const longIds = await page.evaluate(() => /\d{40,}/.test(document.body.innerText));
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-800px.png'), fullPage: true });
  console.log(JSON.stringify({ charts: drawn, runRows, pairRows, missRows, money, longIds, overflow, requests, problems }));
} finally {
  await context.close();
}
