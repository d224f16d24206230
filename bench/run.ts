// `npm run bench`: figures, not pass/fail. Compare only within one run: the machine is shared and noisy.
import { benchCohort } from './cohort';
import { benchEngine } from './engine';
import { benchHttp } from './http';
import { benchPostgresHttp, startBenchPostgres } from './postgres';

console.log(`Boussole benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchEngine();
await benchHttp();
// One private cluster for both PostgreSQL parts; without one, they say why they were skipped.
const postgres = await startBenchPostgres();
try {
	await benchPostgresHttp(postgres);
	await benchCohort(postgres);
} finally {
	if ('cluster' in postgres) postgres.cluster.stop();
}
