// Opens the dashboard in headless Chromium, enters the API token, waits for a live opportunity row, clicks
// the kill switch and waits until the page shows it on, then saves a screenshot. Prints one JSON line.
// Env: DT_URL (gateway base URL), DT_TOKEN, DT_SCREENSHOT (PNG path), DT_TIMEOUT_MS (default 60000).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.DT_URL;
const token = process.env.DT_TOKEN;
const screenshot = process.env.DT_SCREENSHOT;
const timeout = Number(process.env.DT_TIMEOUT_MS || 60000);
if (!url || !token || !screenshot) {
  console.error('DT_URL, DT_TOKEN and DT_SCREENSHOT are required');
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
try {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(url + '/dashboard/');
  await page.fill('#token', token);
  await page.click('#save-token');
  await page.waitForSelector('#kill-state[data-on="false"]');
  const row = await page.waitForSelector('#opportunities tbody tr.opportunity');
  const opportunityId = await row.getAttribute('data-id');
  await page.click('#kill-switch-on');
  await page.waitForSelector('#kill-state[data-on="true"]');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ opportunityId, killState: await page.textContent('#kill-state') }));
} finally {
  await context.close();
}
