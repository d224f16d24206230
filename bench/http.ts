import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUIZ_PAGE_SIZE, answerFieldName, pageCount } from '../src/lib/server/quiz/pages';
import { benchLighthouse } from './lighthouse';

const BARE_PORT = 4311;
const APP = 'http://127.0.0.1:4310';
export const LOAD = { connections: 10, duration: 5, pipelining: 1 } as const;
/** The pages' budget is set at 50 connections (issue 15): a class of a few lycées at once. */
const PAGE_LOAD = { ...LOAD, connections: 50 } as const;

export async function waitFor(url: string, child?: ChildProcess, timeoutMs = 30_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		// A server that refused to start (a database not migrated, a bad configuration) will not answer.
		if (child && child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Throws when something already answers on `url`: a server left from an interrupted run would answer in place of
 * the one about to start (which then cannot listen), and the figures would be another build's.
 */
export async function assertNothingAnswers(url: string): Promise<void> {
	const answered = await fetch(url).then(
		() => true,
		() => false
	);
	if (answered) throw new Error(`${url} already answers (a server left from an earlier run?): stop it first`);
}

/**
 * The built server (`node server.js`) on `url`, with its own database: a SQLite path or a PostgreSQL URL.
 * `environment` adds to what it is given, or overrides it (ORIGIN behind a proxy).
 */
export function startApp(
	databaseUrl: string,
	url = APP,
	environment: Record<string, string> = {}
): ChildProcess {
	return spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: new URL(url).port,
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: databaseUrl,
			...environment
		},
		stdio: 'ignore'
	});
}

/**
 * Brings a new database (SQLite path or PostgreSQL URL) up to date with `npm run db:migrate`'s script:
 * migrations and the catalogue. `node server.js` refuses to start on a database that was not migrated.
 */
export function migrateDatabase(databaseUrl: string): void {
	const migrated = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
		env: { ...process.env, DATABASE_URL: databaseUrl, BOUSSOLE_DEMO: '' },
		encoding: 'utf8'
	});
	if (migrated.status !== 0) throw new Error(`db:migrate failed on ${databaseUrl}: ${migrated.stderr}`);
}

/** Stops a process this bench started and waits until it is gone, so that it takes no CPU from what follows. */
export async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill();
	await exited;
}

/** Deletes a bench database with its WAL files. */
export function removeDatabase(databasePath: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
}

/** The quiz's question ids, in order, as the server serves them. */
export async function quizQuestionIds(base: string): Promise<string[]> {
	const questions: { id: string }[] = await (await fetch(`${base}/api/v1/questions`)).json();
	return questions.map((question) => question.id);
}

const quizPages = (questionIds: string[]) => pageCount(questionIds.length);

/** Page `page` of the quiz as a browser without JavaScript posts it, every question answered (1 to 5, varied). */
export function quizPageForm(questionIds: string[], page: number): URLSearchParams {
	const form = new URLSearchParams({
		page: String(page),
		nav: page === quizPages(questionIds) ? 'finish' : 'next'
	});
	questionIds
		.slice((page - 1) * QUIZ_PAGE_SIZE, page * QUIZ_PAGE_SIZE)
		.forEach((id, i) => form.set(answerFieldName(id), String(((page + i) % 5) + 1)));
	return form;
}

/** The headers of a form post from a page of `base`, as a browser sends them without JavaScript. */
export const formPostHeaders = (base: string): Record<string, string> => ({
	origin: base,
	accept: 'text/html',
	'content-type': 'application/x-www-form-urlencoded'
});

/** Posts one quiz page; a saved page answers 303 (to the next page, or to the result). */
export function postQuizPage(
	base: string,
	form: URLSearchParams,
	headers: Record<string, string> = {}
): Promise<Response> {
	return fetch(`${base}/quiz?/save`, {
		method: 'POST',
		body: form,
		redirect: 'manual',
		headers: { ...formPostHeaders(base), ...headers }
	});
}

/** The anonymous visitor's cookie (`name=value`) a response sets, or null. */
export function ownerCookie(response: Response): string | null {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('boussole_owner='));
	return cookie ? cookie.split(';')[0]! : null;
}

/**
 * Takes the whole quiz (« répondre à toutes les phrases ») over plain form posts, as a browser without JavaScript
 * would; returns the result path.
 */
async function createResult(): Promise<{ path: string; cookie: string }> {
	const questionIds = await quizQuestionIds(APP);
	const pages = quizPages(questionIds);
	const full = await fetch(`${APP}/quiz?/full`, {
		method: 'POST',
		body: new URLSearchParams(),
		redirect: 'manual',
		headers: formPostHeaders(APP)
	});
	let cookie = ownerCookie(full) ?? '';
	for (let page = 1; page <= pages; page += 1) {
		const response = await postQuizPage(APP, quizPageForm(questionIds, page), { cookie });
		cookie = ownerCookie(response) ?? cookie;
		if (page === pages) {
			const location = response.headers.get('location');
			if (!location?.startsWith('/resultats/'))
				throw new Error(`The quiz did not finish (${response.status})`);
			return { path: location, cookie };
		}
	}
	throw new Error('unreachable');
}

export interface LoadRequest {
	method?: 'GET' | 'POST';
	body?: string;
	headers?: Record<string, string>;
	/** What every answer must be: 200 for a page, 303 for a saved form. */
	status?: number;
	/** Headers that change with each request sent (an address, a visitor's cookie). */
	vary?: () => Record<string, string>;
	/** A path that changes with each request sent (a query the page ignores, so that nothing kept answers). */
	varyPath?: () => string;
}

export interface LoadFigures {
	rps: number;
	p50: number;
	p99: number;
}

/** autocannon at LOAD on one URL; throws when an answer is not the expected one (the figures would lie). */
export async function load(
	url: string,
	request: LoadRequest = {},
	settings: { connections: number; duration: number; pipelining: number } = LOAD
): Promise<LoadFigures> {
	const { vary, varyPath, status = 200, ...sent } = request;
	const result = await autocannon({
		url,
		...settings,
		...sent,
		...(vary || varyPath
			? {
					requests: [
						{
							setupRequest: (req) => ({
								...req,
								...(varyPath ? { path: varyPath() } : {}),
								headers: { ...req.headers, ...vary?.() }
							})
						}
					]
				}
			: {})
	});
	const unexpected = Object.entries(result.statusCodeStats ?? {})
		.filter(([code]) => code !== String(status))
		.map(([code, stats]) => `${stats.count ?? 0} × ${code}`);
	if (unexpected.length > 0 || result.errors > 0 || result.timeouts > 0)
		throw new Error(
			`${url}: ${unexpected.join(', ') || `no unexpected status`}, ${result.errors} errors, ${result.timeouts} timeouts`
		);
	return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Serves fixed bytes with the same headers, to show what the machine and the load tool can do at best. */
function startBare(body: Buffer, contentType: string): Promise<Server> {
	const server = createServer((_, response) => {
		response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
		response.end(body);
	});
	return new Promise((resolve) => server.listen(BARE_PORT, '127.0.0.1', () => resolve(server)));
}

async function firstTrainingSlug(): Promise<string> {
	const trainings: { slug: string }[] = await (await fetch(`${APP}/api/v1/trainings`)).json();
	return trainings[0]!.slug;
}

/** The JavaScript a page loads at once: what its `Link` header preloads as modules. */
async function pageJavascript(path: string, headers: Record<string, string>) {
	const page = await fetch(`${APP}${path}`, { headers });
	await page.arrayBuffer();
	const modules = [...(page.headers.get('link') ?? '').matchAll(/<([^>]+)>; rel="modulepreload"/g)].map(
		(match) => new URL(match[1]!, `${APP}${path}`).href
	);
	let raw = 0;
	let compressed = 0;
	for (const url of modules) {
		raw += (await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
			.byteLength;
		// Read from Content-Length: fetch would decompress the body.
		const brotli = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
		compressed += Number(brotli.headers.get('content-length'));
	}
	return { files: modules.length, raw, compressed };
}

export async function benchHttp(): Promise<void> {
	await assertNothingAnswers(APP);
	const databasePath = join(tmpdir(), `boussole-bench-${process.pid}.db`);
	migrateDatabase(databasePath);
	const app = startApp(databasePath);
	try {
		await waitFor(`${APP}/api/v1/careers`, app);
		const result = await createResult();
		// A visitor with nothing of their own is served the kept rendering (src/lib/server/render-cache.ts); the
		// same page for a visitor with a result is rendered at each request: both, in the same run.
		const withResult = { cookie: result.cookie };
		// The results page is kept for its owner (src/lib/server/results/kept-pages.ts): a query it ignores, new at
		// each request, shows what drawing it costs.
		let visit = 0;
		const drawnEachTime = () => `${result.path}?visite=${(visit += 1)}`;
		const pages: [string, string, Record<string, string>, (() => string)?][] = [
			['/, kept', '/', {}],
			['/, rendered', '/', withResult],
			['/metiers, kept', '/metiers', {}],
			['/metiers, rendered', '/metiers', withResult],
			['career page, kept', '/metiers/developpeur-back-end', {}],
			['career page, yours', '/metiers/developpeur-back-end', withResult],
			['results page, kept', result.path, withResult],
			['results page, drawn', result.path, withResult, drawnEachTime]
		];
		console.log("\nJavaScript a page loads at once (the framework's own floor is about 40 KB compressed)");
		console.log('page                  modules    KB raw    KB brotli');
		for (const [label, path, headers] of [
			['/', '/', {}],
			['/quiz', '/quiz', withResult],
			['/metiers', '/metiers', {}],
			['career page', '/metiers/developpeur-back-end', {}],
			['training page', `/formations/${await firstTrainingSlug()}`, {}],
			['results page', result.path, withResult]
		] as const) {
			const { files, raw, compressed } = await pageJavascript(path, headers);
			console.log(
				`${label.padEnd(20)} ${String(files).padStart(8)} ${(raw / 1024).toFixed(1).padStart(9)} ${(compressed / 1024).toFixed(1).padStart(12)}`
			);
		}
		await benchLighthouse(APP, [
			['/', '/'],
			['/quiz', '/quiz'],
			['career page', '/metiers/developpeur-back-end'],
			['/metiers', '/metiers']
		]);
		const data = await fetch(`${APP}${result.path}/__data.json`, { headers: withResult });
		console.log(
			`\nResults page, data sent for hydration: ${(await data.arrayBuffer()).byteLength} bytes (budget 20,480)`
		);
		console.log(
			`\nHTTP: autocannon, ${PAGE_LOAD.connections} connections, ${PAGE_LOAD.duration} s each, same settings for both servers` +
				' (budget: kept public pages ≥ 0.5 of bare with p99 < 20 ms; results page ≥ 0.2)'
		);
		console.log(
			'page                   bytes   app req/s   app p99 ms   bare req/s   bare p99 ms   app / bare req/s'
		);
		for (const [label, path, headers, varyPath] of pages) {
			const sample = await fetch(`${APP}${path}`, { headers });
			const body = Buffer.from(await sample.arrayBuffer());
			const appFigures = await load(`${APP}${path}`, { headers, varyPath }, PAGE_LOAD);
			const bare = await startBare(body, sample.headers.get('content-type') ?? 'text/html');
			const bareFigures = await load(`http://127.0.0.1:${BARE_PORT}${path}`, {}, PAGE_LOAD);
			await new Promise((resolve) => bare.close(resolve));
			console.log(
				[
					label.padEnd(20),
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
