// `npm run bench`: figures, not pass/fail. Compare only within one run: the machine is shared and noisy.
import { benchCohort } from './cohort';
import { benchEngine } from './engine';
import { benchHttp } from './http';

console.log(`Boussole benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchEngine();
await benchHttp();
await benchCohort();
