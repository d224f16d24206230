import { chromium } from '@playwright/test';
const [url, out, width, height] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await (
	await browser.newContext({ viewport: { width: Number(width), height: Number(height ?? 900) } })
).newPage();
await page.goto(url);
await page.screenshot({ path: out });
await browser.close();
