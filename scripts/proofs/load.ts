// `npm run proof:load`: 200 simulated students take the quiz to the end, again and again, for 60 s, against the
// built server, each from their own address (as behind a proxy: no switch turns throttling off). Then every page
// the server acknowledged (303) and every result it gave is looked up in the database. `--short`: 20 students
// for 5 s (npm test runs it). `--postgres`: on a private PostgreSQL cluster instead of a SQLite file.
import {
	classTakingTheQuiz,
	missingAcknowledged,
	proofDatabase,
	short,
	startServer,
	summary
} from './harness';

const STUDENTS = short ? 20 : 200;
const SECONDS = short ? 5 : 60;

const database = await proofDatabase();
const server = await startServer(database.url);
let exitCode = 0;
try {
	const { ledger, finished } = await classTakingTheQuiz(STUDENTS, SECONDS, () => server.base);
	const seconds = await finished;
	console.info(summary(`proof:load (${STUDENTS} students, ${database.connection.dialect})`, ledger, seconds));
	const missing = await missingAcknowledged(database.connection, database.url, ledger);
	if (ledger.quizzes.length === 0) throw new Error('nothing was acknowledged');
	if (missing.length > 0)
		throw new Error(`${missing.length} acknowledged writes are missing: ${missing.slice(0, 5).join(', ')}`);
	if (ledger.failures > 0) throw new Error(`${ledger.failures} requests failed while the server was up`);
	console.info('proof:load: every acknowledged page and result is in the database ✔');
} catch (error) {
	console.error(`proof:load: ✘ ${(error as Error).message}\n${server.log().slice(-2000)}`);
	exitCode = 1;
} finally {
	server.process.kill();
	await database.remove();
}
process.exit(exitCode);
