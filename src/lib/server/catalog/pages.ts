import { currentLocale } from '$lib/labels';
import type { ExplainedMatch } from '$lib/engine';
import { occupationJsonLd } from './structured-data';
import { trainingsClosingGaps } from './trainings';
import type { Catalogue } from './types';

/**
 * What a career page and a training page show, from a catalogue: today's for the public pages, the drafts'
 * for the back-office's preview, so that a preview is the real page. Null when there is no such record.
 */
export function careerPageData(
	catalogue: Catalogue,
	slug: string,
	origin: string,
	yourMatch: (ExplainedMatch & { resultId: string }) | null
) {
	const career = catalogue.careerBySlug.get(slug);
	if (!career) return null;
	const family = catalogue.families.find((f) => f.id === career.familyId);
	const trainings = catalogue.trainingsByCareer.get(career.slug) ?? [];
	const sourceById = new Map(catalogue.sources.map((s) => [s.id, s]));
	return {
		career,
		jsonLd: occupationJsonLd(career, `${origin}/metiers/${career.slug}`),
		familyName: family ? family.name[currentLocale()] : '',
		salarySources: career.profile.salary.sources.flatMap((id) => {
			const source = sourceById.get(id);
			return source
				? [{ name: `${source.publisher}, ${source.name} (${source.year})`, url: source.url }]
				: [];
		}),
		trainings: trainings.map(({ slug, name, kind, track, durationMonths, level, formats }) => ({
			slug,
			name,
			kind,
			track,
			durationMonths,
			level,
			formats
		})),
		gapTrainings: yourMatch ? trainingsClosingGaps(trainings, yourMatch.gaps).map((t) => t.slug) : [],
		similar: career.profile.similar.flatMap((slug) => {
			const other = catalogue.careerBySlug.get(slug);
			return other ? [{ slug, title: other.title, hook: other.hook }] : [];
		}),
		yourMatch
	};
}

export function trainingPageData(catalogue: Catalogue, slug: string) {
	const training = catalogue.trainingBySlug.get(slug);
	if (!training) return null;
	return {
		training,
		careers: training.careers.flatMap((slug) => {
			const career = catalogue.careerBySlug.get(slug);
			return career ? [{ slug, title: career.title, hook: career.hook }] : [];
		})
	};
}
