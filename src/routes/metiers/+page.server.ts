import { getCatalogue } from '$lib/server/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const catalogue = getCatalogue();
	return {
		count: catalogue.careers.length,
		families: catalogue.families.map((family) => ({
			...family,
			careers: catalogue.careers
				.filter((career) => career.familyId === family.id)
				.map(({ slug, title, hook }) => ({ slug, title, hook }))
		}))
	};
};
