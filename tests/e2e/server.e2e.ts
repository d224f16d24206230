import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, realpathSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

// A rebuild in place used to delete assets under a running server, and the next request for one killed the
// process (« Unhandled 'error' event »). server.js answers a vanished file with a 404 and goes on serving.
test('an asset that vanished under the running server costs one 404, never the process', async () => {
	const copy = `.e2e-build-${process.pid}`;
	cpSync(realpathSync('build'), copy, { recursive: true });
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	let log = '';
	const server = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			BOUSSOLE_BUILD_DIR: copy,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			DATABASE_URL: process.env.E2E_DATABASE_URL
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (chunk) => (log += chunk));
	server.stderr!.on('data', (chunk) => (log += chunk));
	try {
		await expect(async () => expect((await fetch(`${base}/`)).status).toBe(200)).toPass({ timeout: 20_000 });
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
		expect(server.exitCode, log).toBeNull();
	} finally {
		server.kill();
		rmSync(copy, { recursive: true, force: true });
	}
});
