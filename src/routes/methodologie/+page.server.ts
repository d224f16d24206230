import { BAND_THRESHOLDS, BLEND, ENGINE_VERSION } from '$lib/engine';
import { getCatalogue } from '$lib/server/catalog';
import { minimumAnswers } from '$lib/server/quiz/pages';
import evaluation from '$lib/server/evaluation-figures.json';
import type { PageServerLoad } from './$types';

/**
 * Nothing on this page runs in the browser (links, forms, server-drawn charts): it is sent without the
 * app's JavaScript (about 75 KB compressed), and a link from it loads the next page whole.
 */
export const csr = false;

export const load: PageServerLoad = async () => {
	const catalogue = await getCatalogue();
	return {
		engineVersion: ENGINE_VERSION,
		catalogueVersion: catalogue.version,
		blend: BLEND,
		bands: BAND_THRESHOLDS,
		questionCount: catalogue.questions.length,
		minimumAnswers: minimumAnswers(catalogue.questions.length),
		careerCount: catalogue.careers.length,
		trainingCount: catalogue.trainings.length,
		sources: catalogue.sources,
		evaluation
	};
};
