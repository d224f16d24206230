import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, realpathSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { PASSWORD, uniqueId } from './helpers';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** `node server.js` on a port of its own, with the test database; `env` adds to (or, undefined, removes from) its environment. */
async function startServer(env: Record<string, string | undefined> = {}, buildDir?: string) {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let log = '';
	const environment: Record<string, string | undefined> = {
		...process.env,
		...(buildDir ? { BOUSSOLE_BUILD_DIR: buildDir } : {}),
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		DATABASE_URL: process.env.E2E_DATABASE_URL,
		...env
	};
	for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
	const server = spawn(process.execPath, ['server.js'], {
		env: environment as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (chunk) => (log += chunk));
	server.stderr!.on('data', (chunk) => (log += chunk));
	await expect(async () => expect((await fetch(`${base}/api/v1/careers`)).status).toBe(200)).toPass({
		timeout: 20_000
	});
	return { base, port, server, log: () => log };
}

// A rebuild in place used to delete assets under a running server, and the next request for one killed the
// process (« Unhandled 'error' event »). server.js answers a vanished file with a 404 and goes on serving.
test('an asset that vanished under the running server costs one 404, never the process', async () => {
	const copy = `.e2e-build-${process.pid}`;
	cpSync(realpathSync('build'), copy, { recursive: true });
	const { base, server, log } = await startServer({}, copy);
	try {
		const html = await (await fetch(`${base}/`)).text();
		const asset = html.match(/\/_app\/immutable\/[^"]+\.js/)![0];
		const served = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'br' } });
		expect(served.status).toBe(200);
		expect(served.headers.get('cache-control')).toContain('immutable');

		for (const suffix of ['', '.br', '.gz']) unlinkSync(`${copy}/client${asset}${suffix}`);
		for (const encoding of ['br', 'gzip', 'identity']) {
			const gone = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': encoding } });
			expect(gone.status, encoding).toBe(404);
		}
		expect((await fetch(`${base}/metiers`)).status).toBe(200);
		expect(server.exitCode, log()).toBeNull();
	} finally {
		server.kill();
		rmSync(copy, { recursive: true, force: true });
	}
});

/** The cookies a response sets, by name (value and attributes as written). */
function setCookies(response: Response): Map<string, string> {
	return new Map(response.headers.getSetCookie().map((line) => [line.split('=')[0]!, line]));
}

test('over HTTPS the bearer cookies are __Host- cookies, and the old names are moved over once', async () => {
	// Behind a TLS proxy: the app learns https from X-Forwarded-Proto.
	const { base, port, server } = await startServer({
		ORIGIN: undefined,
		PROTOCOL_HEADER: 'x-forwarded-proto'
	});
	const https = `https://127.0.0.1:${port}`;
	const headers = { 'x-forwarded-proto': 'https', origin: https, accept: 'text/html' };
	try {
		const identifier = uniqueId('host-cookie');
		const signUp = await fetch(`${base}/compte/inscription`, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ identifier, password: PASSWORD, birthYear: '1995' })
		});
		expect(signUp.status).toBe(303);
		const session = setCookies(signUp).get('__Host-boussole_session')!;
		expect(session).toMatch(/; Path=\/;/);
		expect(session).toMatch(/; HttpOnly/);
		expect(session).toMatch(/; Secure/);
		expect(session).not.toMatch(/Domain=/i);
		const token = session.split(';')[0]!.split('=')[1]!;

		// A browser from before the prefix still sends the old name: signed in, and moved to the new name.
		const old = await fetch(`${base}/compte`, {
			redirect: 'manual',
			headers: { ...headers, cookie: `boussole_session=${token}; boussole_owner=${'a'.repeat(32)}` }
		});
		expect(old.status).toBe(200);
		const moved = setCookies(old);
		expect(moved.get('__Host-boussole_session')).toContain(token);
		expect(moved.get('__Host-boussole_owner')).toContain('a'.repeat(32));
		expect(moved.get('boussole_session')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
		expect(moved.get('boussole_owner')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);

		// Over plain HTTP (a development machine) the plain names stay.
		const plain = await fetch(`${base}/compte/inscription`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'x-forwarded-proto': 'http',
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ identifier: uniqueId('plain'), password: PASSWORD, birthYear: '1995' })
		});
		expect(plain.status).toBe(303);
		expect([...setCookies(plain).keys()]).toEqual(['boussole_session']);
	} finally {
		server.kill();
	}
});
