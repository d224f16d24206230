import type { Match } from '$lib/engine';
import type { Catalogue, CatalogueCareer, CatalogueQuestion } from '../catalog/types';

/** The public shapes of the API, in one place so that the endpoints and the OpenAPI document agree. */
export function careerSummary(catalogue: Catalogue, career: CatalogueCareer) {
	return {
		slug: career.slug,
		title: career.title,
		family: career.familyId,
		familyName: catalogue.families.find((f) => f.id === career.familyId)?.name.fr ?? '',
		hook: career.hook,
		entryLevel: career.entryLevel
	};
}

/** Every section of the « fiche métier », its vector, and the slugs of the trainings that lead to it. */
export function careerDetail(catalogue: Catalogue, career: CatalogueCareer) {
	return {
		...careerSummary(catalogue, career),
		summary: career.summary,
		...career.profile,
		trainings: (catalogue.trainingsByCareer.get(career.slug) ?? []).map((t) => t.slug),
		onet: career.onet,
		vector: career.vector
	};
}

/** A question as the API gives it: French text, English text, loadings. */
export function questionJson(question: CatalogueQuestion) {
	return { id: question.id, text: question.text.fr, textEn: question.text.en, loadings: question.loadings };
}

/** A ranking's matches as the API gives them: each with its career's title. */
export function matchesJson(catalogue: Catalogue, matches: readonly Match[]) {
	return matches.map(({ slug, ...match }) => ({
		slug,
		title: catalogue.careerBySlug.get(slug)?.title ?? slug,
		...match
	}));
}
