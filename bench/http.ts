import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BARE_PORT = 4311;
const APP = 'http://127.0.0.1:4310';
const LOAD = { connections: 10, duration: 5, pipelining: 1 } as const;

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** The built server (`node build`) on `url`, with its own database file. */
export function startApp(databasePath: string, url = APP): ChildProcess {
	return spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: new URL(url).port,
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: databasePath
		},
		stdio: 'ignore'
	});
}

/** Deletes a bench database with its WAL files. */
export function removeDatabase(databasePath: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
}

/** Takes the quiz over plain form posts, as a browser without JavaScript would; returns the result path. */
async function createResult(): Promise<{ path: string; cookie: string }> {
	const questions: { id: string }[] = await (await fetch(`${APP}/api/v1/questions`)).json();
	const pages = Math.ceil(questions.length / 4);
	let cookie = '';
	for (let page = 1; page <= pages; page += 1) {
		const form = new URLSearchParams({ page: String(page), nav: page === pages ? 'finish' : 'next' });
		questions
			.slice((page - 1) * 4, page * 4)
			.forEach((q, i) => form.set(`answer-${q.id}`, String(((page + i) % 5) + 1)));
		const response = await fetch(`${APP}/quiz?/save`, {
			method: 'POST',
			body: form,
			redirect: 'manual',
			headers: {
				origin: APP,
				cookie,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0]!;
		if (page === pages) {
			const location = response.headers.get('location');
			if (!location?.startsWith('/resultats/'))
				throw new Error(`The quiz did not finish (${response.status})`);
			return { path: location, cookie };
		}
	}
	throw new Error('unreachable');
}

async function load(url: string, headers: Record<string, string> = {}) {
	const result = await autocannon({ url, headers, ...LOAD });
	if (result.non2xx > 0 || result.errors > 0)
		throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
	return { rps: result.requests.average, p99: result.latency.p99 };
}

/** Serves fixed bytes with the same headers, to show what the machine and the load tool can do at best. */
function startBare(body: Buffer, contentType: string): Promise<Server> {
	const server = createServer((_, response) => {
		response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
		response.end(body);
	});
	return new Promise((resolve) => server.listen(BARE_PORT, '127.0.0.1', () => resolve(server)));
}

export async function benchHttp(): Promise<void> {
	const databasePath = join(tmpdir(), `boussole-bench-${process.pid}.db`);
	const app = startApp(databasePath);
	try {
		await waitFor(`${APP}/api/v1/careers`);
		const result = await createResult();
		const pages: [string, string, Record<string, string>][] = [
			['/', '/', {}],
			['career page', '/metiers/developpeur-back-end', {}],
			['results page', result.path, { cookie: result.cookie }]
		];
		console.log(
			`\nHTTP: autocannon, ${LOAD.connections} connections, ${LOAD.duration} s each, same settings for both servers`
		);
		console.log(
			'page             bytes   app req/s   app p99 ms   bare req/s   bare p99 ms   app / bare req/s'
		);
		for (const [label, path, headers] of pages) {
			const sample = await fetch(`${APP}${path}`, { headers });
			const body = Buffer.from(await sample.arrayBuffer());
			const appFigures = await load(`${APP}${path}`, headers);
			const bare = await startBare(body, sample.headers.get('content-type') ?? 'text/html');
			const bareFigures = await load(`http://127.0.0.1:${BARE_PORT}${path}`);
			await new Promise((resolve) => bare.close(resolve));
			console.log(
				[
					label.padEnd(14),
					String(body.length).padStart(7),
					appFigures.rps.toFixed(0).padStart(11),
					String(appFigures.p99).padStart(12),
					bareFigures.rps.toFixed(0).padStart(12),
					String(bareFigures.p99).padStart(13),
					(appFigures.rps / bareFigures.rps).toFixed(3).padStart(18)
				].join(' ')
			);
		}
	} finally {
		app.kill();
		removeDatabase(databasePath);
	}
}
