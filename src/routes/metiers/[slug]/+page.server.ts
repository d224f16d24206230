import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { currentLocale } from '$lib/labels';
import { getCatalogue } from '$lib/server/catalog';
import { occupationJsonLd } from '$lib/server/catalog/structured-data';
import { trainingsClosingGaps } from '$lib/server/catalog/trainings';
import { ownerOf } from '$lib/server/quiz/owner';
import { visitorMatch } from '$lib/server/results/results';
import type { PageServerLoad } from './$types';

/**
 * Nothing on this page runs in the browser (links, forms, server-drawn charts): it is sent without the
 * app's JavaScript (about 75 KB compressed), and a link from it loads the next page whole.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params, cookies, locals, url }) => {
	const catalogue = await getCatalogue();
	const career = catalogue.careerBySlug.get(params.slug);
	if (!career) error(404, { message: m.error_career_not_found() });
	const family = catalogue.families.find((f) => f.id === career.familyId);
	const trainings = catalogue.trainingsByCareer.get(career.slug) ?? [];
	const yourMatch = await visitorMatch(ownerOf({ cookies, locals, url }), career.slug);
	const sourceById = new Map(catalogue.sources.map((s) => [s.id, s]));

	return {
		career,
		jsonLd: occupationJsonLd(career, `${url.origin}/metiers/${career.slug}`),
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
};
