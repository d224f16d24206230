// `npm run proof:crash`: the load of proof:load, and halfway the server is killed with SIGKILL (no chance to
// finish anything), then started again on the same database while the students go on. Afterwards every write
// the server had acknowledged is in the database, and the database is intact (SQLite: PRAGMA integrity_check;
// PostgreSQL: pg_amcheck). `--short` and `--postgres` as for proof:load.
import { spawnSync } from 'node:child_process';
import { dialectOf } from '../../src/lib/server/db/dialect';
import { postgresTool } from '../postgres-tools';
import {
	classTakingTheQuiz,
	freePort,
	missingAcknowledged,
	proofDatabase,
	short,
	startServer,
	summary
} from './harness';

const STUDENTS = short ? 20 : 200;
const SECONDS = short ? 6 : 60;

const database = await proofDatabase();
const port = await freePort();
let server = await startServer(database.url, port);
let exitCode = 0;
try {
	const { ledger, started, finished } = await classTakingTheQuiz(STUDENTS, SECONDS, () => server.base);
	await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2));
	server.process.kill('SIGKILL');
	const killedAt = ledger.requests;
	await new Promise((resolve) => server.process.once('exit', resolve));
	server = await startServer(database.url, port);
	const downMs = Date.now() - started - (SECONDS * 1000) / 2;
	const seconds = await finished;
	console.info(
		summary(`proof:crash (${STUDENTS} students, ${database.connection.dialect})`, ledger, seconds)
	);
	console.info(`  killed with SIGKILL after ${killedAt} requests; back in ${downMs} ms`);

	const missing = await missingAcknowledged(database.connection, database.url, ledger);
	if (missing.length > 0)
		throw new Error(`${missing.length} acknowledged writes lost: ${missing.slice(0, 5).join(', ')}`);
	if (dialectOf(database.url) === 'postgres') {
		const check = spawnSync(
			postgresTool('pg_amcheck'),
			['--install-missing', '--heapallindexed', database.url],
			{
				encoding: 'utf8'
			}
		);
		if (check.status !== 0) throw new Error(`pg_amcheck: ${check.stdout}${check.stderr}`);
		console.info('  pg_amcheck: no corruption found');
	} else {
		const { sqlite } = database.connection as unknown as { sqlite: import('better-sqlite3').Database };
		const integrity = sqlite.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new Error(`integrity_check: ${integrity}`);
		console.info('  PRAGMA integrity_check: ok');
	}
	console.info('proof:crash: nothing acknowledged was lost ✔');
} catch (error) {
	console.error(`proof:crash: ✘ ${(error as Error).message}\n${server.log().slice(-2000)}`);
	exitCode = 1;
} finally {
	server.process.kill();
	await database.remove();
}
process.exit(exitCode);
