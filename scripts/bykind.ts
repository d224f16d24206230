import { computeProfile, prepareCareers, rankCareers } from '../src/lib/engine';
import { respondents, runAdaptive } from '../src/lib/engine/evaluation';
import { seededRandom, simulatedAnswers } from '../src/lib/engine/simulate';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));
const prep = prepareCareers(careers);
const q = content.questions;
const people = respondents(q, careers, { careers: 62, mixtures: 100, randoms: 60, seed: 1 });
const r = seededRandom(99);
const stats: Record<string, { n: number; retest: number; adapt: number; asked: number; ov: number }> = {};
for (const p of people) {
	const s = (stats[p.kind] ??= { n: 0, retest: 0, adapt: 0, asked: 0, ov: 0 });
	const full = rankCareers(computeProfile(q, p.answers), prep);
	const again = rankCareers(
		computeProfile(q, simulatedAnswers(q, p.vector, { random: r, sigma: 0.7 })),
		prep
	);
	const run = runAdaptive(q, prep, p);
	const f1 = full.matches[0]!.slug;
	const t = run.ranking.matches.slice(0, 3).map((m) => m.slug);
	s.n++;
	if (again.matches.slice(0, 3).some((m) => m.slug === f1)) s.retest++;
	if (t.includes(f1)) s.adapt++;
	s.ov += full.matches.slice(0, 3).filter((m) => t.includes(m.slug)).length;
	s.asked += run.asked;
}
for (const [k, s] of Object.entries(stats))
	console.log(
		k,
		'n',
		s.n,
		'retest',
		((100 * s.retest) / s.n).toFixed(1),
		'adaptive',
		((100 * s.adapt) / s.n).toFixed(1),
		'overlap',
		(s.ov / s.n).toFixed(2),
		'asked',
		(s.asked / s.n).toFixed(1)
	);
