import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS } from '$lib/engine/dimensions';
import { buildCatalogue } from './build';
import { loadCatalogueContent } from './content';

/** Keys in reverse order, at every depth: what PostgreSQL's jsonb may give back for a stored version. */
function scrambled<T>(value: T): T {
	if (Array.isArray(value)) return value.map(scrambled) as T;
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.reverse()
			.map(([key, inner]) => [key, scrambled(inner)])
	) as T;
}

describe('buildCatalogue', () => {
	it('gives the same catalogue whatever order the stored records keep their keys in', () => {
		const { number, version, ...records } = loadCatalogueContent('content');
		const straight = buildCatalogue(records, { number, hash: version });
		const fromJsonb = buildCatalogue(scrambled(records), { number, hash: version });
		const career = fromJsonb.careerBySlug.get('developpeur-back-end')!;
		expect(Object.keys(career.vector.riasec)).toEqual([...RIASEC_IDS]);
		expect(Object.keys(career.vector.skills)).toEqual([...SKILL_IDS]);
		for (const question of fromJsonb.questions) {
			const order = Object.keys(question.loadings).map((id) => DIMENSION_IDS.indexOf(id as never));
			expect(order).toEqual([...order].sort((a, b) => a - b));
		}
		expect(JSON.stringify(fromJsonb.trainings)).toBe(JSON.stringify(straight.trainings));
		expect(JSON.stringify(fromJsonb.sources)).toBe(JSON.stringify(straight.sources));
		expect(fromJsonb.careers.map((c) => c.slug)).toEqual(straight.careers.map((c) => c.slug));
	});
});
