// What the three proofs share: a built server (`node server.js`) on a database of its own, simulated students,
// and reading back from the database what the server acknowledged. Not a test framework: figures and checks.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/lib/server/db/client';
import { dialectOf } from '../../src/lib/server/db/dialect';
import * as postgresSchema from '../../src/lib/server/db/schema.postgres';
import * as sqliteSchema from '../../src/lib/server/db/schema.sqlite';
// @ts-expect-error -- a plain JavaScript module of the scripts folder, without types.
import { startCluster } from '../postgres-cluster.js';

export const short = process.argv.includes('--short');

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * The database a proof runs on: `--postgres` starts a private PostgreSQL cluster; otherwise a SQLite file in a
 * temporary folder. Migrated and seeded, as `npm run db:migrate` would.
 */
export async function proofDatabase(): Promise<{
	url: string;
	connection: Connection;
	remove: () => Promise<void>;
}> {
	let url: string;
	let stopCluster = () => {};
	let dir: string | null = null;
	if (process.argv.includes('--postgres')) {
		const cluster = await startCluster();
		url = cluster.createDatabase('boussole_proof');
		stopCluster = () => cluster.stop();
	} else {
		dir = mkdtempSync(join(tmpdir(), 'boussole-proof-'));
		url = join(dir, 'proof.db');
	}
	// The repositories pick their engine's tables from DATABASE_URL when first imported: set it, then import.
	process.env.DATABASE_URL = url;
	const { connect } = await import('../../src/lib/server/db/client');
	const { prepareDatabase } = await import('../../src/lib/server/startup');
	const connection = connect(url);
	await prepareDatabase(connection);
	return {
		url,
		connection,
		remove: async () => {
			await connection.close();
			stopCluster();
			if (dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

export const schemaOf = (url: string) => (dialectOf(url) === 'postgres' ? postgresSchema : sqliteSchema);

export interface RunningServer {
	base: string;
	process: ChildProcess;
	log: () => string;
}

/**
 * `node server.js` as a deployment behind a proxy runs it: the client's address comes from X-Forwarded-For
 * (each simulated student sends its own), so that the per-address limits apply as they would for real.
 */
export async function startServer(databaseUrl: string, port?: number): Promise<RunningServer> {
	const listen = port ?? (await freePort());
	const base = `http://127.0.0.1:${listen}`;
	let output = '';
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			PORT: String(listen),
			HOST: '127.0.0.1',
			ORIGIN: base,
			DATABASE_URL: databaseUrl,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			BOUSSOLE_DEMO: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Whatever happens to the proof, its server does not outlive it.
	process.once('exit', () => child.kill('SIGKILL'));
	child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
	for (let i = 0; i < 200; i += 1) {
		if (child.exitCode !== null) throw new Error(`server.js exited:\n${output}`);
		try {
			if ((await httpRequest(`${base}/api/v1/careers`, { agent: false })).status === 200)
				return { base, process: child, log: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`server.js did not answer:\n${output}`);
}

export interface PlainResponse {
	status: number;
	body: string;
	headers: IncomingHttpHeaders;
}

/**
 * One HTTP request with node:http, as the proofs need it: the body sent as given (broken bytes included), the
 * connection chosen by the caller (`agent`: a browser's own keep-alive connection, or `false` for a new one).
 */
export function httpRequest(
	url: string,
	init: { method?: string; body?: Buffer; headers?: OutgoingHttpHeaders; agent?: Agent | false }
): Promise<PlainResponse> {
	return new Promise((resolve, reject) => {
		const sent = request(
			url,
			{
				method: init.method ?? 'GET',
				agent: init.agent,
				headers: { ...init.headers, ...(init.body ? { 'content-length': init.body.length } : {}) }
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						headers: response.headers
					})
				);
				response.on('error', reject);
			}
		);
		sent.on('error', reject);
		sent.end(init.body);
	});
}

export const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** What the server said yes to: every page saved (its answers) and every result given, per browser. */
export interface Ledger {
	quizzes: { ownerToken: string; answers: Map<string, number>; resultId: string | null }[];
	latencies: number[];
	/** When the requests that took over a second were sent, in seconds from the start: warm-up, or all along? */
	slowSentAt: number[];
	startedAt: number;
	/** Requests that got an error or no answer (a killed server), never counted as acknowledged. */
	failures: number;
	requests: number;
}

export const newLedger = (): Ledger => ({
	quizzes: [],
	latencies: [],
	slowSentAt: [],
	startedAt: performance.now(),
	failures: 0,
	requests: 0
});

/**
 * A student taking the quiz to the end, again and again until `until` (a new browser each time): learns each
 * page of the adaptive quiz from the API, posts it as a browser without JavaScript would, from their own
 * address. Only a 303 counts as acknowledged.
 */
export async function simulateStudent(
	server: () => string,
	number: number,
	until: number,
	ledger: Ledger
): Promise<void> {
	const address = `10.${(number >> 8) & 255}.${number & 255}.${1 + (number % 250)}`;
	// A browser of its own: one keep-alive connection, as a pupil's phone has.
	const browser = new Agent({ keepAlive: true, maxSockets: 1 });
	while (Date.now() < until) {
		let cookie = '';
		const quiz = { ownerToken: '', answers: new Map<string, number>(), resultId: null as string | null };
		for (let page = 1; page <= 40 && Date.now() < until && !quiz.resultId; page += 1) {
			// The adaptive quiz's next page, as a client with JavaScript learns it (not counted as a write).
			const ids = await nextPage(server(), browser, address, quiz.answers);
			if (!ids) {
				ledger.failures += 1;
				await new Promise((resolve) => setTimeout(resolve, 50));
				break;
			}
			const form = new URLSearchParams({ page: String(page), nav: 'next' });
			const pageAnswers = ids.map((id, i) => {
				const value = 1 + ((number * 7 + page * 3 + i) % 5);
				form.set(`answer-${id}`, String(value));
				return [id, value] as const;
			});
			const started = performance.now();
			ledger.requests += 1;
			let response: PlainResponse;
			try {
				response = await httpRequest(`${server()}/quiz?/save`, {
					method: 'POST',
					body: Buffer.from(form.toString()),
					agent: browser,
					headers: {
						origin: server(),
						cookie,
						accept: 'text/html',
						'x-forwarded-for': address,
						'content-type': 'application/x-www-form-urlencoded'
					}
				});
			} catch {
				ledger.failures += 1;
				await new Promise((resolve) => setTimeout(resolve, 50));
				break;
			}
			ledger.latencies.push(performance.now() - started);
			if (performance.now() - started > 1000) ledger.slowSentAt.push((started - ledger.startedAt) / 1000);
			if (response.status !== 303) {
				ledger.failures += 1;
				break;
			}
			const owner = (response.headers['set-cookie'] ?? []).find((c) => c.startsWith('boussole_owner='));
			if (owner) {
				cookie = owner.split(';')[0]!;
				quiz.ownerToken = cookie.split('=')[1]!;
			}
			for (const [id, value] of pageAnswers) quiz.answers.set(id, value);
			const location = response.headers.location ?? '';
			if (location.startsWith('/resultats/')) quiz.resultId = location.slice('/resultats/'.length);
		}
		if (quiz.ownerToken) ledger.quizzes.push(quiz);
	}
	browser.destroy();
}

/** The question ids of the adaptive quiz's next page for these answers (`POST /api/v1/quiz/next`); null on error. */
async function nextPage(
	base: string,
	browser: Agent,
	address: string,
	answers: Map<string, number>
): Promise<string[] | null> {
	try {
		const response = await httpRequest(`${base}/api/v1/quiz/next`, {
			method: 'POST',
			body: Buffer.from(JSON.stringify({ answers: Object.fromEntries(answers) })),
			agent: browser,
			headers: { 'content-type': 'application/json', 'x-forwarded-for': address }
		});
		if (response.status !== 200) return null;
		const step = JSON.parse(response.body) as { page: { id: string }[] };
		return step.page.length > 0 ? step.page.map((question) => question.id) : null;
	} catch {
		return null;
	}
}

/**
 * A class of `count` students taking the quiz for `seconds` against `base()` (a function: the crash proof
 * restarts the server under them). `finished` resolves when the last one stops.
 */
export async function classTakingTheQuiz(count: number, seconds: number, base: () => string) {
	const ledger = newLedger();
	const started = Date.now();
	const until = started + seconds * 1000;
	const finished = Promise.all(
		Array.from({ length: count }, (_, i) => simulateStudent(base, i + 1, until, ledger))
	).then(() => (Date.now() - started) / 1000);
	return { ledger, started, finished };
}

/** Every acknowledged answer and result, looked up in the database: the list of what is missing. */
export async function missingAcknowledged(
	connection: Connection,
	url: string,
	ledger: Ledger
): Promise<string[]> {
	const { attemptAnswers, quizAttempts, results } = schemaOf(url);
	const { eq, inArray } = await import('drizzle-orm');
	const missing: string[] = [];
	for (const quiz of ledger.quizzes) {
		const attempts = await connection.db
			.select({ id: quizAttempts.id })
			.from(quizAttempts)
			.where(eq(quizAttempts.ownerTokenHash, hashToken(quiz.ownerToken)));
		const ids = attempts.map((a) => a.id);
		const stored = new Map(
			ids.length === 0
				? []
				: (
						await connection.db
							.select({ question: attemptAnswers.questionId, value: attemptAnswers.value })
							.from(attemptAnswers)
							.where(inArray(attemptAnswers.attemptId, ids))
					).map((row) => [row.question, row.value])
		);
		for (const [question, value] of quiz.answers)
			if (stored.get(question) !== value)
				missing.push(`answer ${question} of ${quiz.ownerToken.slice(0, 6)}…`);
		if (quiz.resultId) {
			const [result] = await connection.db
				.select({ attemptId: results.attemptId })
				.from(results)
				.where(eq(results.id, quiz.resultId));
			if (!result || !ids.includes(result.attemptId)) missing.push(`result ${quiz.resultId}`);
		}
	}
	return missing;
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function slowHistogram(sentAt: number[]): string {
	if (sentAt.length === 0) return 'none';
	const buckets = new Map<number, number>();
	for (const second of sentAt)
		buckets.set(Math.floor(second / 5) * 5, (buckets.get(Math.floor(second / 5) * 5) ?? 0) + 1);
	return [...buckets]
		.sort((a, b) => a[0] - b[0])
		.map(([from, n]) => `${from}–${from + 5} s: ${n}`)
		.join(', ');
}

export function summary(label: string, ledger: Ledger, seconds: number): string {
	const saves = ledger.quizzes.reduce((sum, quiz) => sum + Math.ceil(quiz.answers.size / 4), 0);
	const results = ledger.quizzes.filter((quiz) => quiz.resultId).length;
	return [
		`${label}: ${ledger.requests} requests in ${seconds.toFixed(0)} s (${(ledger.requests / seconds).toFixed(0)}/s)`,
		`  acknowledged: ${saves} pages saved, ${results} results; not acknowledged (errors, refused): ${ledger.failures}`,
		`  latency ms: p50 ${percentile(ledger.latencies, 50).toFixed(1)}, p90 ${percentile(ledger.latencies, 90).toFixed(1)}, p99 ${percentile(ledger.latencies, 99).toFixed(1)}, max ${Math.max(0, ...ledger.latencies).toFixed(1)}` +
			`; over 1 s: ${ledger.latencies.filter((ms) => ms > 1000).length}, over 5 s: ${ledger.latencies.filter((ms) => ms > 5000).length}`,
		`  requests over 1 s, by when they were sent: ${slowHistogram(ledger.slowSentAt)}`
	].join('\n');
}
