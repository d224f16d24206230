import type { DimensionReading } from '$lib/engine';
import type { Training } from './types';

const MAX_GAP_TRAININGS = 3;

/**
 * The trainings that work on the most of a person's gaps, best first; ties keep the catalogue order
 * (short paths first). Trainings that close none of the gaps are left out.
 */
export function trainingsClosingGaps(
	trainings: readonly Training[],
	gaps: readonly DimensionReading[]
): Training[] {
	const gapIds = new Set<string>(gaps.map((gap) => gap.dimension));
	if (gapIds.size === 0) return [];
	return trainings
		.map((training) => ({ training, closes: training.skills.filter((skill) => gapIds.has(skill)).length }))
		.filter(({ closes }) => closes > 0)
		.sort((a, b) => b.closes - a.closes)
		.slice(0, MAX_GAP_TRAININGS)
		.map(({ training }) => training);
}
