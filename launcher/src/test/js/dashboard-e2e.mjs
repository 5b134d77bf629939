// Opens the dashboard in headless Chromium the way a trader does: buttons are disabled until the API token is
// entered; once connected, the trades table holds the trade the test names (made before the page opened, so it
// can only come from the load), every chart has drawn points, a live opportunity row shows; the kill switch asks
// for a reason and a confirmation, then shows on. Saves a screenshot at 1400 px and one at 800 px (no sideways
// scrolling there). Any failed request or console error is reported. Prints one JSON line.
// Env: DT_URL (gateway base URL), DT_TOKEN, DT_SCREENSHOT (PNG path), DT_EXPECT_TRADE (a trade id to find),
// DT_TIMEOUT_MS (default 60000).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.DT_URL;
const token = process.env.DT_TOKEN;
const screenshot = process.env.DT_SCREENSHOT;
const expectTrade = process.env.DT_EXPECT_TRADE;
const timeout = Number(process.env.DT_TIMEOUT_MS || 60000);
if (!url || !token || !screenshot || !expectTrade) {
  console.error('DT_URL, DT_TOKEN, DT_SCREENSHOT and DT_EXPECT_TRADE are required');
  process.exit(2);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'dt-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 1000 },
});
const problems = [];
try {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(response.status() + ' ' + response.url()); });
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.type());
    if (dialog.type() === 'prompt') await dialog.accept('e2e: testing the kill switch'); else await dialog.accept();
  });

  await page.goto(url + '/dashboard/');
  const disabledBeforeToken = await page.isDisabled('#kill-switch-on');
  await page.fill('#token', token);
  await page.click('#save-token');
  await page.waitForSelector('#kill-state[data-on="false"]');
  await page.waitForSelector('#trades tbody tr[data-trade-id="' + expectTrade + '"]');
  const tradeRows = await page.locator('#trades tbody tr.trade').count();
  const row = await page.waitForSelector('#opportunities tbody tr.opportunity, #closed-opportunities tbody tr.closed', { state: 'attached' });
  const opportunityId = await row.getAttribute('data-id');
  const charts = {};
  for (const id of ['chart-pnl', 'chart-opportunities', 'chart-frames', 'chart-latency']) {
    await page.waitForFunction((chart) => {
      const element = document.getElementById(chart);
      return element && Number(element.dataset.points) >= 2 && element.querySelector('canvas');
    }, id);
    charts[id] = Number(await page.getAttribute('#' + id, 'data-points'));
  }
  await page.waitForSelector('#markets tbody tr .sparkline canvas');
  const money = await page.textContent('#pnl-cost');
  const enabledAfterToken = !(await page.isDisabled('#kill-switch-on'));
  await page.click('#kill-switch-on');
  await page.waitForSelector('#kill-state[data-on="true"]');
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-800px.png'), fullPage: true });
  console.log(JSON.stringify({
    opportunityId, killState: await page.textContent('#kill-state'), tradeRows, charts, money,
    disabledBeforeToken, enabledAfterToken, dialogs, overflow, problems,
  }));
} finally {
  await context.close();
}
