import { getCatalogue } from '$lib/server/catalog';
import { ownerOf } from '$lib/server/quiz/owner';
import { visitorProgress } from '$lib/server/quiz/quiz';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, locals, url }) => {
	const [catalogue, progress] = await Promise.all([
		getCatalogue(),
		visitorProgress(ownerOf({ cookies, locals, url }))
	]);
	return {
		careerCount: catalogue.careers.length,
		questionCount: catalogue.questions.length,
		families: catalogue.families.map((family) => ({
			...family,
			careers: catalogue.careers
				.filter((career) => career.familyId === family.id)
				.map(({ slug, title }) => ({ slug, title }))
		})),
		...progress
	};
};
