// `npm test`: type-check, lint, unit tests and browser tests on SQLite; then, when PostgreSQL's binaries are on
// the machine, the unit tests and the browser tests that touch the database again on a private PostgreSQL
// cluster, and (with nginx) two app processes behind nginx; the short proofs (load, crash, fuzz) on both engines.
// Prints how long each part took.
import { spawnSync } from 'node:child_process';
import { findNginx } from './nginx.js';
import { findPostgresBin, startCluster } from './postgres-cluster.js';

const timings = [];

function step(name, command, args, env = {}) {
	const started = Date.now();
	console.info(`\n▶ ${name}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const seconds = (Date.now() - started) / 1000;
	timings.push([name, seconds, result.status === 0]);
	if (result.status !== 0) throw new Error(`${name} failed.`);
}

function summary() {
	console.info('\nnpm test, part by part:');
	for (const [name, seconds, ok] of timings)
		console.info(`  ${ok ? '✔' : '✘'} ${seconds.toFixed(0).padStart(5)} s  ${name}`);
}

/** The proofs of docs/security.md, each in seconds (`--short`): a change that breaks one is seen here. */
const PROOFS = ['load', 'crash', 'fuzz'];

const nginx = findNginx();

try {
	step('type-check', 'npm', ['run', '--silent', 'check']);
	step('lint', 'npm', ['run', '--silent', 'lint']);
	step('unit tests (SQLite)', 'npx', ['vitest', 'run']);
	step('build', 'npm', ['run', '--silent', 'build']);
	step('browser tests (SQLite)', 'npx', ['playwright', 'test']);
	for (const proof of PROOFS)
		step(`proof:${proof}, short (SQLite)`, 'npx', ['tsx', `scripts/proofs/${proof}.ts`, '--short']);

	if (!findPostgresBin() || process.env.BOUSSOLE_TEST_SQLITE_ONLY === '1') {
		summary();
		console.info(
			'\nPostgreSQL was not found (or BOUSSOLE_TEST_SQLITE_ONLY=1): the suite ran on SQLite only. ' +
				'`.ci/run` installs PostgreSQL and nginx, so CI always runs both engines.'
		);
	} else {
		const cluster = await startCluster();
		try {
			step('unit tests (PostgreSQL)', 'npx', ['vitest', 'run'], {
				DATABASE_URL: cluster.createDatabase('boussole_unit')
			});
			step('browser tests that touch the database (PostgreSQL)', 'npx', ['playwright', 'test'], {
				E2E_DATABASE_URL: cluster.createDatabase('boussole_e2e'),
				...(nginx
					? {
							E2E_TWO_PROCESSES: '1',
							E2E_TWO_PROCESS_DATABASE_URL: cluster.createDatabase('boussole_two'),
							NGINX_PATH: nginx
						}
					: {})
			});
			for (const proof of PROOFS)
				step(`proof:${proof}, short (PostgreSQL)`, 'npx', [
					'tsx',
					`scripts/proofs/${proof}.ts`,
					'--short',
					'--postgres'
				]);
			if (!nginx)
				console.info('\nnginx was not found: the two-process test did not run (CI installs nginx).');
		} finally {
			cluster.stop();
		}
		summary();
	}
} catch (error) {
	summary();
	console.error(`\n✘ ${error.message}`);
	process.exitCode = 1;
}
