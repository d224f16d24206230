import { ADAPTIVE } from '../src/lib/engine/adaptive';
import { evaluate } from '../src/lib/engine/evaluation';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));
const grid = JSON.parse(process.argv[2]!) as Record<string, number>[];
for (const point of grid) {
	Object.assign(ADAPTIVE as Record<string, number>, point);
	const r = evaluate(content.questions, careers, { careers: 62, mixtures: 100, randoms: 60, seed: 1 });
	console.log(
		JSON.stringify(point),
		(100 * r.adaptive.firstInTopThree).toFixed(1),
		r.adaptive.meanOverlap.toFixed(2),
		r.adaptive.meanAsked.toFixed(1)
	);
}
