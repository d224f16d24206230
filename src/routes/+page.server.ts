import { getCatalogue } from '$lib/server/catalog';
import { ownerOf } from '$lib/server/owner';
import { visitorProgress } from '$lib/server/visitor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, locals }) => {
	const catalogue = getCatalogue();
	return {
		careerCount: catalogue.careers.length,
		questionCount: catalogue.questions.length,
		families: catalogue.families.map((family) => ({
			...family,
			careers: catalogue.careers
				.filter((career) => career.familyId === family.id)
				.map(({ slug, title }) => ({ slug, title }))
		})),
		...visitorProgress(ownerOf({ cookies, locals }))
	};
};
