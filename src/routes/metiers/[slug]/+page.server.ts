import { error } from '@sveltejs/kit';
import { currentLocale } from '$lib/labels';
import { getCatalogue } from '$lib/server/catalog';
import { visitorMatch } from '$lib/server/visitor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies }) => {
	const catalogue = getCatalogue();
	const career = catalogue.careerBySlug.get(params.slug);
	if (!career) error(404, { message: 'Métier introuvable' });
	const family = catalogue.families.find((f) => f.id === career.familyId);
	return {
		career,
		familyName: family ? family.name[currentLocale()] : '',
		yourMatch: visitorMatch(cookies, career.slug)
	};
};
