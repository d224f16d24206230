import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { DIMENSION_IDS } from '../src/lib/engine';
import { summarizeRanking } from '../src/lib/result-summary';
import { hashPassword } from '../src/lib/server/auth/password';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../src/lib/server/auth/totp';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
import { generateJoinCode } from '../src/lib/server/cohorts/join-code';
import { COHORT_PAGE_SIZE } from '../src/lib/server/cohorts/view';
import { openPostgres, openSqlite } from '../src/lib/server/db/client';
import { copySqliteToPostgres } from '../src/lib/server/db/copy';
import { importCatalogueIfNewer, readCatalogue } from '../src/lib/server/db/repositories/catalogue';
import { generateId } from '../src/lib/server/ids';
import { rankAnswers } from '../src/lib/server/results/matching';
import { seededRandom } from '../src/lib/seeded-random';
import {
	assertNothingAnswers,
	formPostHeaders,
	removeDatabase,
	startApp,
	stopProcess,
	waitFor
} from './http';
import type { Cluster, Postgres } from './postgres';

const APP = 'http://127.0.0.1:4312';
const STUDENTS = 2000;
const RESULTS = 10_000;
const WARM_UP = 3;
const RUNS = 30;
const COUNSELLOR = { identifier: 'conseillere-bench', password: 'boussole-bench-cohorte' };
/** Staff give a second factor after the password: the bench counsellor is enrolled with this key (base32). */
const COUNSELLOR_TOTP_KEY = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
const DAY = 86_400_000;

/** Student n's pseudonym: the default sort (by name) puts students 1 to 50 on the first page. */
const identifier = (n: number) => `eleve-${String(n).padStart(4, '0')}`;

/**
 * Writes a counsellor and one cohort of STUDENTS members straight into the database, with the project's
 * own code for the catalogue and the rankings, in one transaction. 10 % of the students have not started,
 * 5 % have a quiz in progress, the others share RESULTS finished quizzes (latest one shown). Returns the
 * cohort id. The generated attempts have no answer rows: the cohort page and the CSV read only results.
 */
async function generateCohort(databasePath: string): Promise<{ cohortId: string; rankingMs: number }> {
	const { db, sqlite, migrate } = openSqlite(databasePath);
	try {
		await migrate();
		await importCatalogueIfNewer(db, loadCatalogueContent());
		const catalogue = (await readCatalogue(db))!;
		const passwordHash = await hashPassword(COUNSELLOR.password);
		const next = seededRandom(2000);
		const now = Date.now();
		const statusOf = (i: number) => (i % 20 < 2 ? 'not_started' : i % 20 === 2 ? 'in_progress' : 'done');
		const finishedCount = Array.from({ length: STUDENTS }, (_, i) => statusOf(i)).filter(
			(s) => s === 'done'
		).length;
		let finishedSoFar = 0;
		let rankingMs = 0;

		const insertUser = sqlite.prepare(
			`insert into users (id, identifier, role, password_hash, birth_year, created_at) values (?, ?, ?, ?, ?, ?)`
		);
		const insertCohort = sqlite.prepare(
			`insert into cohorts (id, counsellor_id, name, group_label, join_code, created_at) values (?, ?, ?, ?, ?, ?)`
		);
		const insertMember = sqlite.prepare(
			`insert into cohort_members (cohort_id, student_id, joined_at) values (?, ?, ?)`
		);
		const insertAttempt = sqlite.prepare(
			`insert into quiz_attempts (id, owner_token_hash, user_id, started_at, updated_at, finished_at) values (?, ?, ?, ?, ?, ?)`
		);
		const insertResult = sqlite.prepare(
			`insert into results (id, attempt_id, engine_version, catalogue_version, ranking, summary, created_at) values (?, ?, ?, ?, ?, ?, ?)`
		);

		const cohortId = generateId();
		sqlite.transaction(() => {
			const counsellorId = generateId();
			insertUser.run(counsellorId, COUNSELLOR.identifier, 'counsellor', passwordHash, 1980, now - 400 * DAY);
			sqlite
				.prepare('update users set totp_key = ?, totp_enabled_at = ? where id = ?')
				.run(COUNSELLOR_TOTP_KEY, now - 400 * DAY, counsellorId);
			insertCohort.run(
				cohortId,
				counsellorId,
				'Bench 2 000',
				'2026-2027',
				generateJoinCode(),
				now - 365 * DAY
			);
			for (let i = 0; i < STUDENTS; i += 1) {
				const studentId = generateId();
				const joinedAt = now - Math.floor(next() * 300 * DAY) - DAY;
				// Students never log in here: the hash only has to fill the column.
				insertUser.run(studentId, identifier(i + 1), 'student', '-', 2009, joinedAt);
				insertMember.run(cohortId, studentId, joinedAt);
				const status = statusOf(i);
				if (status === 'not_started') continue;
				if (status === 'in_progress') {
					const startedAt = joinedAt + Math.floor(next() * (now - joinedAt));
					insertAttempt.run(generateId(), 'bench', studentId, startedAt, startedAt + 300_000, null);
					continue;
				}
				// Spread RESULTS over the finished students as evenly as whole numbers allow.
				const quizzes =
					Math.floor(RESULTS / finishedCount) + (finishedSoFar < RESULTS % finishedCount ? 1 : 0);
				finishedSoFar += 1;
				// Each student leans towards some dimensions; a low `decided` gives a flat profile (« à accompagner »).
				const lean = Object.fromEntries(DIMENSION_IDS.map((id) => [id, next() * 2 - 1]));
				const decided = 0.2 + next();
				const times = Array.from(
					{ length: quizzes },
					() => joinedAt + Math.floor(next() * (now - joinedAt - 3_600_000))
				).sort((a, b) => a - b);
				for (const startedAt of times) {
					const answers: Record<string, number> = {};
					for (const question of catalogue.questions) {
						let sum = 0;
						let weights = 0;
						for (const [dimension, weight] of Object.entries(question.loadings)) {
							sum += weight * lean[dimension]!;
							weights += Math.abs(weight);
						}
						const value = 3 + 2 * decided * (weights ? sum / weights : 0) + (next() * 2 - 1) * 1.2;
						answers[question.id] = Math.min(5, Math.max(1, Math.round(value)));
					}
					const rankingStart = performance.now();
					const ranking = rankAnswers(catalogue, answers);
					rankingMs += performance.now() - rankingStart;
					const finishedAt = startedAt + 300_000 + Math.floor(next() * 900_000);
					const attemptId = generateId();
					insertAttempt.run(attemptId, 'bench', studentId, startedAt, finishedAt, finishedAt);
					insertResult.run(
						generateId(),
						attemptId,
						ranking.engineVersion,
						catalogue.version,
						JSON.stringify(ranking),
						JSON.stringify(summarizeRanking(ranking)),
						finishedAt
					);
				}
			}
		})();
		const stored = sqlite.prepare('select count(*) as n from results').get() as { n: number };
		if (stored.n !== RESULTS) throw new Error(`Generated ${stored.n} results instead of ${RESULTS}`);
		return { cohortId, rankingMs };
	} finally {
		sqlite.close();
	}
}

/** The counsellor's session, both factors given: the password, then the current code of the bench's key. */
async function logIn(): Promise<string> {
	const headers = formPostHeaders(APP);
	const response = await fetch(`${APP}/compte/connexion`, {
		method: 'POST',
		body: new URLSearchParams(COUNSELLOR),
		redirect: 'manual',
		headers
	});
	const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('boussole_session='));
	if (!session) throw new Error(`The counsellor could not log in (${response.status})`);
	const cookie = session.split(';')[0]!;
	const code = generateTOTP(decodeBase32IgnorePadding(COUNSELLOR_TOTP_KEY), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
	const verified = await fetch(`${APP}/compte/double-authentification?/verify`, {
		method: 'POST',
		body: new URLSearchParams({ code }),
		redirect: 'manual',
		headers: { ...headers, cookie }
	});
	if (verified.status !== 303)
		throw new Error(`The counsellor's second factor was refused (${verified.status})`);
	return cookie;
}

/** VmRSS, VmHWM… of a process, in MB. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
	if (!line) throw new Error(`No ${field} for process ${pid}`);
	return Number(line[1]) / 1024;
}

/** Sequential GETs, after a warm-up; each time runs from the request to the last byte of the body. */
async function timeRequests(url: string, cookie: string): Promise<{ times: number[]; body: string }> {
	const times: number[] = [];
	let body = '';
	for (let i = 0; i < WARM_UP + RUNS; i += 1) {
		const start = performance.now();
		const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
		body = await response.text();
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
		if (i >= WARM_UP) times.push(performance.now() - start);
	}
	return { times: times.sort((a, b) => a - b), body };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Copies the generated SQLite database into a new PostgreSQL one with `db:copy`'s own code; returns its URL. */
async function copyToPostgres(databasePath: string, cluster: Cluster): Promise<string> {
	const url = cluster.createDatabase('bench_cohort');
	const source = openSqlite(databasePath);
	const target = openPostgres(url);
	try {
		await copySqliteToPostgres(source, target);
	} finally {
		await Promise.all([source.close(), target.close()]);
	}
	return url;
}

interface CohortRequest {
	label: string;
	path: string;
	looksRight: (body: string) => boolean;
}

function cohortRequests(cohortId: string): CohortRequest[] {
	return [
		{
			label: `cohort page (1 of ${Math.ceil(STUDENTS / COHORT_PAGE_SIZE)})`,
			path: `/conseiller/cohortes/${cohortId}`,
			looksRight: (body) =>
				body.includes(identifier(COHORT_PAGE_SIZE)) && !body.includes(identifier(COHORT_PAGE_SIZE + 1))
		},
		{
			label: 'CSV export',
			path: `/conseiller/cohortes/${cohortId}/export.csv`,
			looksRight: (body) => body.trimEnd().split('\n').length === STUDENTS + 1
		}
	];
}

/** Times each request on the built server over `databaseUrl`, prints a row each; returns the medians. */
async function measureEngine(
	engine: string,
	databaseUrl: string,
	requests: CohortRequest[]
): Promise<number[]> {
	await assertNothingAnswers(APP);
	const app = startApp(databaseUrl, APP);
	try {
		await waitFor(`${APP}/api/v1/careers`, app);
		const cookie = await logIn();
		const medians: number[] = [];
		for (const { label, path, looksRight } of requests) {
			const pid = app.pid!;
			const rssBefore = memoryMb(pid, 'VmRSS');
			// Resets the peak (VmHWM) to the current RSS, so each request's peak is its own (Linux ≥ 4.0).
			writeFileSync(`/proc/${pid}/clear_refs`, '5');
			const { times, body } = await timeRequests(`${APP}${path}`, cookie);
			const peak = memoryMb(pid, 'VmHWM');
			if (!looksRight(body)) throw new Error(`${label} on ${engine}: unexpected body`);
			medians.push(percentile(times, 50));
			console.log(
				[
					label.padEnd(22),
					engine.padEnd(10),
					String(Buffer.byteLength(body)).padStart(9),
					percentile(times, 50).toFixed(1).padStart(11),
					percentile(times, 95).toFixed(1).padStart(8),
					rssBefore.toFixed(0).padStart(15),
					peak.toFixed(0).padStart(13)
				].join(' ')
			);
		}
		return medians;
	} finally {
		// The next engine's server takes the same port.
		await stopProcess(app);
	}
}

/** The cohort page and its CSV on SQLite, then on PostgreSQL (the same rows, copied), when there is a cluster. */
export async function benchCohort(postgres: Postgres): Promise<void> {
	const databasePath = join(tmpdir(), `boussole-bench-cohort-${process.pid}.db`);
	try {
		const generateStart = performance.now();
		const { cohortId, rankingMs } = await generateCohort(databasePath);
		const generateMs = performance.now() - generateStart;
		const databaseMb = statSync(databasePath).size / 1024 / 1024;
		const copyStart = performance.now();
		const postgresUrl = 'cluster' in postgres ? await copyToPostgres(databasePath, postgres.cluster) : null;
		const copyMs = performance.now() - copyStart;
		console.log(
			`\nCohort: ${STUDENTS} students, ${RESULTS} results (generated in ${(generateMs / 1000).toFixed(1)} s, ` +
				`${(rankingMs / 1000).toFixed(1)} s of it ranking; SQLite file ${databaseMb.toFixed(0)} MB` +
				(postgresUrl
					? `; copied to PostgreSQL by db:copy's code in ${(copyMs / 1000).toFixed(1)} s); `
					: '); ') +
				`${WARM_UP} warm-up then ${RUNS} sequential requests each, time to last byte; RSS of the app process`
		);
		if (!postgresUrl && 'skipped' in postgres) console.log(`PostgreSQL skipped: ${postgres.skipped}`);
		console.log(
			'request                engine         bytes   median ms   p95 ms   RSS before MB   peak RSS MB'
		);
		const requests = cohortRequests(cohortId);
		const sqlite = await measureEngine('SQLite', databasePath, requests);
		if (!postgresUrl) return;
		const pg = await measureEngine('PostgreSQL', postgresUrl, requests);
		console.log(
			'PostgreSQL / SQLite median: ' +
				requests.map(({ label }, i) => `${label} ${(pg[i]! / sqlite[i]!).toFixed(2)}`).join(', ')
		);
	} finally {
		removeDatabase(databasePath);
	}
}
