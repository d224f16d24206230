import { computeProfile, prepareCareers, rankCareers } from '../src/lib/engine';
import { seededRandom, simulatedAnswers } from '../src/lib/engine/simulate';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));
const prep = prepareCareers(careers);
const target = careers.find((c) => c.slug === process.argv[2])!;
const random = seededRandom(3);
const beat = new Map<string, number>();
for (let i = 0; i < 300; i++) {
	const r = rankCareers(
		computeProfile(
			content.questions,
			simulatedAnswers(content.questions, target.vector, { random, sigma: 0.7 })
		),
		prep
	);
	const top = r.matches.slice(0, 3).map((m) => m.slug);
	if (!top.includes(target.slug)) for (const s of top) beat.set(s, (beat.get(s) ?? 0) + 1);
}
console.log([...beat].sort((a, b) => b[1] - a[1]).slice(0, 6));
const show = (slug: string) => {
	const c = careers.find((x) => x.slug === slug)!;
	console.log(
		slug.padEnd(32),
		JSON.stringify(c.vector.riasec),
		Object.entries(c.vector.skills)
			.map(([k, v]) => `${k.slice(0, 6)}:${v}`)
			.join(' ')
	);
};
show(target.slug);
for (const [s] of [...beat].sort((a, b) => b[1] - a[1]).slice(0, 3)) show(s);
