import { describe, expect, it } from 'vitest';
import { identifiability, NOISY_TOP_THREE } from './checks';
import { loadCatalogueContent } from './content';

/**
 * Every career can be found by the quiz: answers simulated from its own vector rank it first, and noisy
 * versions of those answers keep it in the top 3 at least 90 % of the time. It runs on the whole catalogue,
 * so a career added later that the quiz cannot tell from a neighbour fails here, by name. The back-office
 * runs the same check (`catalogueProblems`) before it publishes.
 */
const content = loadCatalogueContent('content');

describe('every career is identifiable by the quiz', () => {
	it.each(content.careers.map((career) => [career.slug] as const))('%s', (slug) => {
		const { first, topThree } = identifiability(content, slug);
		expect(first, `${slug}'s own answers rank ${first} first`).toBe(slug);
		expect(topThree, `${slug} in the top 3 under noise`).toBeGreaterThanOrEqual(NOISY_TOP_THREE);
	});
});
