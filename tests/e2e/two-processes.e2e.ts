import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { writeNginxConfig } from '../../scripts/nginx.js';
import { PASSWORD, finishQuiz, giveSecondFactor, handsOnAnswers, uniqueId } from './helpers';

/**
 * Boussole as a region would run it: two app processes (`node build`) on one PostgreSQL database, behind
 * nginx (a configuration of this test's own, on loopback). nginx listens on three ports: one to each process,
 * so that the test chooses which one serves a request, and one that balances both, as in production. The
 * processes learn the public address and the client's from nginx's headers (PROTOCOL_HEADER, HOST_HEADER,
 * ADDRESS_HEADER, XFF_DEPTH), as docs/deploy.md describes. `npm test` prepares the database
 * (E2E_TWO_PROCESS_DATABASE_URL) when PostgreSQL and nginx are on the machine.
 */

test.describe.configure({ mode: 'serial' });

interface Stack {
	/** Through nginx to process 1, to process 2, and to both in turn. */
	first: string;
	second: string;
	balanced: string;
	stop: () => void;
	/** What both processes and nginx wrote: shown when a test fails, to tell a crash from a slow answer. */
	logs: () => string;
}

let stack: Stack;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function waitUntilUp(url: string, process: ChildProcess, log: () => string): Promise<void> {
	for (let i = 0; i < 150; i += 1) {
		if (process.exitCode !== null) throw new Error(`${url} exited: ${log()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer: ${log()}`);
}

async function startStack(): Promise<Stack> {
	const databaseUrl = process.env.E2E_TWO_PROCESS_DATABASE_URL!;
	const migrated = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
		env: { ...process.env, DATABASE_URL: databaseUrl, BOUSSOLE_DEMO: '' },
		encoding: 'utf8'
	});
	if (migrated.status !== 0) throw new Error(`db:migrate failed: ${migrated.stderr}`);

	const [app1, app2, first, second, balanced] = await Promise.all(Array.from({ length: 5 }, freePort));
	// No ORIGIN: each process learns the public address from nginx's headers.
	const { ORIGIN: _origin, ...environment } = process.env;
	const apps = [app1!, app2!].map((port) => {
		let output = '';
		const child = spawn(process.execPath, ['server.js'], {
			env: {
				...environment,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: databaseUrl,
				BOUSSOLE_DEMO: '',
				PROTOCOL_HEADER: 'x-forwarded-proto',
				HOST_HEADER: 'x-forwarded-host',
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		return { port, child, log: () => output };
	});

	const proxy = (target: string) => `
		location / {
			proxy_pass http://${target};
			proxy_set_header Host $http_host;
			proxy_set_header X-Forwarded-Host $http_host;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			add_header X-Boussole-Upstream $upstream_addr always;
		}`;
	const { dir, args } = writeNginxConfig(`
	upstream both { server 127.0.0.1:${app1}; server 127.0.0.1:${app2}; }
	server { listen 127.0.0.1:${first}; ${proxy(`127.0.0.1:${app1}`)} }
	server { listen 127.0.0.1:${second}; ${proxy(`127.0.0.1:${app2}`)} }
	server { listen 127.0.0.1:${balanced}; ${proxy('both')} }`);
	let nginxLog = '';
	const nginx = spawn(process.env.NGINX_PATH ?? 'nginx', args, {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	nginx.stderr!.on('data', (chunk) => (nginxLog += chunk));

	const stop = () => {
		for (const app of apps) app.child.kill();
		nginx.kill();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		for (const app of apps)
			await waitUntilUp(`http://127.0.0.1:${app.port}/api/v1/careers`, app.child, app.log);
		for (const port of [first, second, balanced])
			await waitUntilUp(`http://127.0.0.1:${port}/api/v1/careers`, nginx, () => nginxLog);
	} catch (error) {
		stop();
		throw error;
	}
	const logs = () => {
		let nginxErrors = '';
		try {
			nginxErrors = readFileSync(`${dir}/error.log`, 'utf8');
		} catch {
			// not written yet
		}
		const processes = apps.map(
			(app, i) => `process ${i + 1} (exit ${app.child.exitCode}):\n${app.log().slice(-4000)}`
		);
		return [...processes, `nginx:\n${nginxLog}${nginxErrors.slice(-4000)}`].join('\n');
	};
	return {
		first: `http://127.0.0.1:${first}`,
		second: `http://127.0.0.1:${second}`,
		balanced: `http://127.0.0.1:${balanced}`,
		stop,
		logs
	};
}

test.beforeAll(async () => {
	stack = await startStack();
});

test.afterEach(async () => {
	const testInfo = test.info();
	if (stack && testInfo.status !== testInfo.expectedStatus)
		await testInfo.attach('processes and nginx', { body: stack.logs(), contentType: 'text/plain' });
});

test.afterAll(() => stack?.stop());

/** A person at their own browser; cookies are per host, so they travel between nginx's ports. */
async function person(browser: Browser): Promise<Page> {
	return (await browser.newContext({ locale: 'fr-FR' })).newPage();
}

async function signUpAt(page: Page, base: string, identifier: string): Promise<void> {
	await page.goto(`${base}/compte/inscription`);
	await page.getByLabel('Adresse e-mail ou pseudonyme').fill(identifier);
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Année de naissance').fill('1995');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL(`${base}/compte`);
}

test('signed up through one process, signed in and served by the other', async ({ browser }) => {
	const page = await person(browser);
	const identifier = uniqueId('deux-process');
	await signUpAt(page, stack.first, identifier);
	await page.goto(`${stack.second}/compte`);
	await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await page.goto(`${stack.second}/compte/connexion`);
	await page.getByLabel('Adresse e-mail ou pseudonyme').fill(identifier);
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(`${stack.second}/compte`);
	await page.context().close();
});

test('a result saved through one process is read through the other', async ({ browser }) => {
	const page = await person(browser);
	const resultPath = await finishQuiz(page, handsOnAnswers, stack.first);
	const response = await page.goto(`${stack.second}${resultPath}`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Vos résultats' })).toBeVisible();
	await page.context().close();
});

test('the log-in throttle counts the failures served by both processes', async ({ playwright }) => {
	const identifier = uniqueId('cible-deux');
	const owner = await playwright.request.newContext({ baseURL: stack.balanced });
	const signUp = await owner.post('/compte/inscription', {
		form: { identifier, password: PASSWORD, birthYear: '1995' },
		headers: { origin: stack.balanced, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signUp.status()).toBe(303);
	await owner.dispose();
	// Someone else, guessing the password.
	const client = await playwright.request.newContext({ baseURL: stack.balanced });
	const statuses: number[] = [];
	const upstreams = new Set<string>();
	for (let i = 0; i < 7; i += 1) {
		const response = await client.post('/compte/connexion', {
			form: { identifier, password: 'pas le bon mot de passe' },
			headers: { origin: stack.balanced, accept: 'text/html' },
			maxRedirects: 0
		});
		statuses.push(response.status());
		upstreams.add(response.headers()['x-boussole-upstream']!);
	}
	// Five failures, wherever they were served, then the account is locked for both processes.
	expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
	expect(upstreams.size).toBe(2);
	await client.dispose();
});

test('a student who joined through one process is seen by the counsellor through the other', async ({
	browser
}) => {
	const counsellor = uniqueId('conseil-deux');
	const created = spawnSync(
		process.execPath,
		['--import', 'tsx', 'scripts/user-create.ts', '--role', 'counsellor', '--identifier', counsellor],
		{
			input: PASSWORD,
			env: { ...process.env, DATABASE_URL: process.env.E2E_TWO_PROCESS_DATABASE_URL },
			encoding: 'utf8'
		}
	);
	expect(created.status, created.stderr).toBe(0);
	const staff = await person(browser);
	await staff.goto(`${stack.second}/compte/connexion`);
	await staff.getByLabel('Adresse e-mail ou pseudonyme').fill(counsellor);
	await staff.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await staff.getByRole('button', { name: 'Se connecter' }).click();
	await expect(staff).toHaveURL(/double-authentification/);
	await giveSecondFactor(staff, counsellor);
	await staff.goto(`${stack.second}/conseiller`);
	await staff.getByLabel('Nom de la cohorte').fill('Cohorte à deux processus');
	await staff.getByRole('button', { name: 'Créer la cohorte' }).click();
	const code = (await staff.locator('.code').innerText()).trim();
	const cohortUrl = staff.url();

	const student = await person(browser);
	const studentId = uniqueId('eleve-deux');
	await signUpAt(student, stack.first, studentId);
	await student.goto(`${stack.first}/compte/rejoindre?code=${code}`);
	await student.getByRole('button', { name: 'Je rejoins la cohorte' }).click();
	await expect(student).toHaveURL(`${stack.first}/compte?rejoint=1`);

	await staff.goto(cohortUrl);
	await expect(staff.locator('table.students tbody tr', { hasText: studentId })).toContainText(
		'Pas commencé'
	);
	await Promise.all([staff.context().close(), student.context().close()]);
});
