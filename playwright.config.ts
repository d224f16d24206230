import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://localhost:${PORT}`;
/**
 * A fresh database per run, so the tests never depend on (or damage) the demo data: a SQLite file, or the
 * PostgreSQL database `npm test` creates for its second pass (E2E_DATABASE_URL).
 */
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? join(tmpdir(), `boussole-e2e-${process.pid}.db`);
process.env.E2E_DATABASE_URL = DATABASE_URL;
const ON_POSTGRES = DATABASE_URL.startsWith('postgres');
/** What does not depend on the engine (page scans, the static file server): run once, on SQLite. */
const PAGE_ONLY = ['**/a11y.e2e.ts', '**/catalogue-a11y.e2e.ts', '**/server.e2e.ts'];
/** Two app processes behind nginx, on PostgreSQL: only when `npm test` prepared them (E2E_TWO_PROCESSES). */
const TWO_PROCESSES = '**/two-processes.e2e.ts';

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

const desktop = {
	name: 'desktop',
	use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions: chromium },
	testIgnore: [...(ON_POSTGRES ? PAGE_ONLY : []), ...(process.env.E2E_TWO_PROCESSES ? [] : [TWO_PROCESSES])]
};

/** Phone layouts do not depend on the engine either: the phone pass runs on SQLite only. */
const phone = {
	name: 'phone',
	use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium },
	testMatch: [
		'**/quiz.e2e.ts',
		'**/a11y.e2e.ts',
		'**/catalogue.e2e.ts',
		'**/account.e2e.ts',
		'**/counsellor.e2e.ts',
		'**/admin.e2e.ts'
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
	projects: ON_POSTGRES ? [desktop] : [desktop, phone],
	webServer: {
		// The README's own start command, so that the tests catch what a newcomer would hit.
		command: 'node scripts/start.js',
		url: `${BASE_URL}/api/v1/careers`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(PORT),
			DATABASE_URL
		}
	}
});
