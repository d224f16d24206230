import type { ChildProcess } from 'node:child_process';
import { findNginx } from '../scripts/nginx.js';
// @ts-expect-error -- a plain JavaScript module of the scripts folder, without types.
import { findPostgresBin, freePort, startCluster } from '../scripts/postgres-cluster.js';
import {
	LOAD,
	formPostHeaders,
	load,
	migrateDatabase,
	ownerCookie,
	postQuizPage,
	quizPageForm,
	quizQuestionIds,
	startApp,
	stopProcess,
	waitFor,
	type LoadFigures
} from './http';
import { startNginx } from './nginx';

/** scripts/postgres-cluster.js's cluster, as the bench uses it. */
export interface Cluster {
	createDatabase: (name: string) => string;
	stop: () => void;
}

/** A private cluster, or why there is none: the PostgreSQL parts then say they were skipped, the rest runs. */
export type Postgres = { cluster: Cluster } | { skipped: string };

export async function startBenchPostgres(): Promise<Postgres> {
	if (!findPostgresBin()) return { skipped: 'no PostgreSQL binaries under /usr/lib/postgresql' };
	try {
		return { cluster: (await startCluster()) as Cluster };
	} catch (error) {
		return { skipped: `the private cluster did not start: ${(error as Error).message.split('\n')[0]}` };
	}
}

interface SetUp {
	label: string;
	processes: number;
	behindNginx: boolean;
}

/** Where nginx's cost and the second process's gain can be read apart: each differs from the previous in one thing. */
const SET_UPS: SetUp[] = [
	{ label: '1 process', processes: 1, behindNginx: false },
	{ label: '1 process + nginx', processes: 1, behindNginx: true },
	{ label: '2 processes + nginx', processes: 2, behindNginx: true }
];

const REQUESTS = ['career page', 'quiz page 1, new visitor', 'quiz page 2, returning'] as const;
const CAREER_PATH = '/metiers/developpeur-back-end';
/** Visitors who have saved page 1, whose page 2 the load tool then posts in turn. */
const RETURNING_VISITORS = 200;

let addressesGiven = 0;
/**
 * A new client address for each request (10.x.y.z, 16 million before one comes back): the per-address
 * limit on anonymous quiz saves (3,000 in 10 minutes) then never counts one request against another.
 */
function fromNewAddress(): Record<string, string> {
	addressesGiven += 1;
	const n = addressesGiven;
	return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

interface Stack {
	/** Where the load tool sends its requests: nginx, or the only process. */
	base: string;
	stop: () => Promise<void>;
}

/**
 * The app processes of a set-up on one database, behind nginx or not. Each reads the client's address from
 * X-Forwarded-For (ADDRESS_HEADER, XFF_DEPTH=1, as docs/deploy.md sets them): nginx's last address, or, with
 * no nginx, the load tool's, which then stands for the proxy.
 */
async function startStack(setUp: SetUp, databaseUrl: string, nginx: string | null): Promise<Stack> {
	const ports: number[] = await Promise.all(Array.from({ length: setUp.processes + 1 }, () => freePort()));
	const publicUrl = `http://127.0.0.1:${ports[0]}`;
	const processUrls = setUp.behindNginx
		? ports.slice(1).map((port) => `http://127.0.0.1:${port}`)
		: [publicUrl];
	const apps: ChildProcess[] = processUrls.map((url) =>
		startApp(databaseUrl, url, { ORIGIN: publicUrl, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' })
	);
	let stopProxy = async () => {};
	const stop = async () => {
		await stopProxy();
		await Promise.all(apps.map(stopProcess));
	};
	try {
		await Promise.all(apps.map((app, i) => waitFor(`${processUrls[i]}/api/v1/careers`, app)));
		if (setUp.behindNginx) {
			if (!nginx) throw new Error(`${setUp.label}: no nginx`);
			stopProxy = (await startNginx(nginx, ports[0]!, processUrls)).stop;
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { base: publicUrl, stop };
}

/** Cookies of RETURNING_VISITORS anonymous visitors who have saved quiz page 1, each from an address of its own. */
async function returningVisitors(base: string, questionIds: string[]): Promise<string[]> {
	const cookies: string[] = [];
	for (let i = 0; i < RETURNING_VISITORS; i += 1) {
		const response = await postQuizPage(base, quizPageForm(questionIds, 1), fromNewAddress());
		const cookie = ownerCookie(response);
		if (response.status !== 303 || !cookie) throw new Error(`Quiz page 1 was not saved (${response.status})`);
		cookies.push(cookie);
	}
	return cookies;
}

/** The figures of REQUESTS, in that order, on a running set-up. */
async function measure(base: string): Promise<LoadFigures[]> {
	const questionIds = await quizQuestionIds(base);
	const savePage = (page: number) => ({
		method: 'POST' as const,
		body: quizPageForm(questionIds, page).toString(),
		headers: formPostHeaders(base),
		status: 303
	});
	const career = await load(`${base}${CAREER_PATH}`, { vary: fromNewAddress });
	// No cookie: each save opens a new visitor's attempt.
	const firstPage = await load(`${base}/quiz?/save`, { ...savePage(1), vary: fromNewAddress });
	// The same visitors again and again: each save rewrites the answers of an attempt that exists.
	const cookies = await returningVisitors(base, questionIds);
	let turn = 0;
	const secondPage = await load(`${base}/quiz?/save`, {
		...savePage(2),
		vary: () => ({ ...fromNewAddress(), cookie: cookies[turn++ % cookies.length]! })
	});
	return [career, firstPage, secondPage];
}

const cell = (figures: LoadFigures | undefined) =>
	figures
		? [
				figures.rps.toFixed(0).padStart(7),
				String(figures.p50).padStart(7),
				String(figures.p99).padStart(7)
			].join('')
		: '      —      —      —';
const ratio = (a: LoadFigures | undefined, b: LoadFigures | undefined) =>
	(a && b ? (a.rps / b.rps).toFixed(2) : '—').padStart(10);

function printTable(figures: (LoadFigures[] | null)[]): void {
	const [direct, oneBehind, twoBehind] = figures;
	console.log(
		''.padEnd(26) + SET_UPS.map((s) => s.label.padStart(21)).join('   ') + '  req/s ratios:'.padStart(24)
	);
	console.log(
		'request'.padEnd(26) +
			SET_UPS.map(() => '  req/s p50 ms p99 ms').join('   ') +
			'nginx'.padStart(13) +
			'2nd proc'.padStart(11)
	);
	REQUESTS.forEach((label, i) => {
		console.log(
			label.padEnd(26) +
				figures.map((rows) => cell(rows?.[i])).join('   ') +
				'   ' +
				ratio(oneBehind?.[i], direct?.[i]) +
				ratio(twoBehind?.[i], oneBehind?.[i]).padStart(11)
		);
	});
	console.log(
		'ratios: nginx = (1 process + nginx) / (1 process); 2nd proc = (2 processes + nginx) / (1 process + nginx)'
	);
}

/**
 * The career page and quiz saves on PostgreSQL, served by one process, by one behind nginx, and by two
 * behind nginx; a new database for each set-up, so that none starts with what another wrote.
 */
export async function benchPostgresHttp(postgres: Postgres): Promise<void> {
	console.log(
		`\nPostgreSQL over HTTP: autocannon, ${LOAD.connections} connections, ${LOAD.duration} s a row, ` +
			'every request from its own address (X-Forwarded-For); a new database per set-up'
	);
	if ('skipped' in postgres) {
		console.log(`skipped: ${postgres.skipped}`);
		return;
	}
	const nginx = findNginx();
	if (!nginx)
		console.log(
			'the set-ups behind nginx are skipped: no nginx (NGINX_PATH, /usr/sbin/nginx, /usr/bin/nginx)'
		);
	const figures: (LoadFigures[] | null)[] = [];
	for (const [i, setUp] of SET_UPS.entries()) {
		if (setUp.behindNginx && !nginx) {
			figures.push(null);
			continue;
		}
		const databaseUrl = postgres.cluster.createDatabase(`bench_http_${i + 1}`);
		migrateDatabase(databaseUrl);
		const stack = await startStack(setUp, databaseUrl, nginx);
		try {
			figures.push(await measure(stack.base));
		} finally {
			await stack.stop();
		}
	}
	printTable(figures);
}
