// Temporary measurement: each career's own simulated answers → its rank; noisy top-3 rate.
import { computeProfile, prepareCareers, rankCareers } from '../src/lib/engine';
import { seededRandom, simulatedAnswers } from '../src/lib/engine/simulate';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';

const content = loadCatalogueContent('content');
const careers = content.careers.map((c) => ({ slug: c.slug, vector: c.vector }));
const prepared = prepareCareers(careers as never);
const questions = content.questions;
const random = seededRandom(42);
const NOISY = Number(process.env.NOISY ?? 100);
let fails = 0;
const rows: string[] = [];
for (const career of careers) {
	const answers = simulatedAnswers(questions as never, career.vector);
	const ranking = rankCareers(computeProfile(questions as never, answers), prepared);
	const rank = ranking.matches.findIndex((m) => m.slug === career.slug) + 1;
	let top3 = 0;
	for (let i = 0; i < NOISY; i += 1) {
		const noisy = simulatedAnswers(questions as never, career.vector, { random, sigma: 0.7 });
		const r = rankCareers(computeProfile(questions as never, noisy), prepared);
		if (r.matches.slice(0, 3).some((m) => m.slug === career.slug)) top3 += 1;
	}
	const ok = rank === 1 && top3 >= 0.9 * NOISY;
	if (!ok) fails += 1;
	rows.push(
		`${ok ? ' ' : '✘'} ${career.slug.padEnd(40)} rank ${rank} (first: ${ranking.matches[0]!.slug}) top3 ${((100 * top3) / NOISY).toFixed(0)}%`
	);
}
console.log(rows.filter((r) => r.startsWith('✘') || process.env.ALL).join('\n'));
console.log(`${fails} of ${careers.length} careers fail`);
