import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://localhost:${PORT}`;
/** A fresh database per run, so the tests never depend on (or damage) the demo data. */
const DATABASE_PATH = process.env.E2E_DATABASE_PATH ?? join(tmpdir(), `boussole-e2e-${process.pid}.db`);
process.env.E2E_DATABASE_PATH = DATABASE_PATH;

const chromium = {
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	// Two cores run two browsers and the server: leave room for a slow moment rather than flake. Each test
	// stays within a third of it (the timing reporter lists the slowest); split a test rather than raise this.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	reporter: [['list'], ['./tests/e2e/timing-reporter.ts']],
	use: {
		baseURL: BASE_URL,
		locale: 'fr-FR',
		launchOptions: chromium,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions: chromium }
		},
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium },
			testMatch: [
				'**/quiz.e2e.ts',
				'**/a11y.e2e.ts',
				'**/catalogue.e2e.ts',
				'**/account.e2e.ts',
				'**/counsellor.e2e.ts'
			]
		}
	],
	webServer: {
		// The README's own start command, so that the tests catch what a newcomer would hit.
		command: 'node scripts/start.js',
		url: `${BASE_URL}/api/v1/careers`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(PORT),
			DATABASE_URL: DATABASE_PATH
		}
	}
});
