import { evaluate } from '../src/lib/engine/evaluation';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));
for (const max of [12, 20, 28, 40, 60]) {
	const r = evaluate(
		content.questions,
		careers,
		{ careers: 62, mixtures: 100, randoms: 60, seed: 1 },
		{ maxItems: max, minItems: 200 }
	);
	console.log(
		max,
		(100 * r.adaptive.firstInTopThree).toFixed(1),
		r.adaptive.meanOverlap.toFixed(2),
		'random',
		(100 * r.random20.firstInTopThree).toFixed(1)
	);
}
