import { computeProfile, prepareCareers, rankCareers } from '../src/lib/engine';
import { respondents } from '../src/lib/engine/evaluation';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));
const prep = prepareCareers(careers);
const q = content.questions;
const a = respondents(q, careers, { careers: 62, mixtures: 100, randoms: 60, seed: 1 });
const b = respondents(q, careers, { careers: 62, mixtures: 100, randoms: 60, seed: 1, sigma: 0.7 });
// b uses the same seed → same answers; make a second draw with another seed but same vectors:
import { seededRandom, simulatedAnswers } from '../src/lib/engine/simulate';
const r = seededRandom(99);
let hit = 0,
	overlap = 0;
const gaps: number[] = [];
for (const p of a) {
	const full1 = rankCareers(computeProfile(q, p.answers), prep);
	const again = simulatedAnswers(q, p.vector, { random: r, sigma: 0.7 });
	const full2 = rankCareers(computeProfile(q, again), prep);
	const t1 = full1.matches.slice(0, 3).map((m) => m.slug),
		t2 = full2.matches.slice(0, 3).map((m) => m.slug);
	if (t2.includes(t1[0]!)) hit++;
	overlap += t1.filter((s) => t2.includes(s)).length;
	gaps.push(full1.matches[0]!.score - full1.matches[3]!.score);
}
gaps.sort((x, y) => x - y);
console.log(
	'retest #1 in top3',
	((100 * hit) / a.length).toFixed(1),
	'overlap',
	(overlap / a.length).toFixed(2),
	'gap#1-#4 median',
	gaps[gaps.length >> 1],
	'p10',
	gaps[Math.floor(gaps.length * 0.1)]
);
void b;
