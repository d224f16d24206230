import { describe, expect, it } from 'vitest';
import { ADAPTIVE } from '$lib/engine';
import { evaluate } from '$lib/engine/evaluation';
import { loadCatalogueContent } from './content';

/**
 * The adaptive quiz on a small fixed set of simulated respondents (`npm run eval` prints the full figures):
 * it finds each career from answers simulated from its vector, and does clearly better than as many
 * questions drawn at random.
 */
const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));

describe('the adaptive quiz on simulated respondents', () => {
	const report = evaluate(content.questions, careers, {
		careers: careers.length,
		mixtures: 40,
		randoms: 0,
		seed: 7
	});

	it('asks twenty questions at most', () => {
		expect(report.adaptive.maxAsked).toBeLessThanOrEqual(ADAPTIVE.maxItems);
	});

	it("keeps the whole bank's first career in its top 3 for nine career respondents in ten", () => {
		expect(report.byKind.career!.adaptive.firstInTopThree).toBeGreaterThanOrEqual(0.9);
	});

	it('does clearly better than twenty questions drawn at random', () => {
		expect(report.adaptive.firstInTopThree).toBeGreaterThanOrEqual(report.random20.firstInTopThree + 0.1);
		expect(report.adaptive.meanOverlap).toBeGreaterThan(report.random20.meanOverlap);
	});
});

describe('the figures /methodologie shows', () => {
	it('were measured with this engine, this bank and this catalogue (else: npm run eval -- --write)', async () => {
		const { ENGINE_VERSION } = await import('$lib/engine');
		const figures = (await import('../evaluation-figures.json')).default;
		expect(figures).toMatchObject({
			engineVersion: ENGINE_VERSION,
			questionCount: content.questions.length,
			careerCount: careers.length
		});
	});
});
