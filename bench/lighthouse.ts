import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * Lighthouse's mobile preset (its default: a mid-range phone, a slow 4G) on the pages a student meets first,
 * in its four categories (0–100), with Debian's Chromium: figures, not a pass or fail.
 */
export async function benchLighthouse(base: string, pages: [label: string, path: string][]): Promise<void> {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	try {
		console.log('\nLighthouse, mobile preset (0–100)');
		console.log(`page                 ${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
		for (const [label, path] of pages) {
			const run = await lighthouse(`${base}${path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES]
			});
			const categories = run!.lhr.categories;
			const scores = CATEGORIES.map((id) => String(Math.round((categories[id]?.score ?? 0) * 100)));
			console.log(`${label.padEnd(20)} ${scores.map((score) => score.padStart(15)).join('')}`);
		}
	} finally {
		chrome.kill();
	}
}
