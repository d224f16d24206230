import type { CareerVector, DimensionId, PreparedCareer } from '$lib/engine';

export interface Family {
	id: string;
	name: { fr: string; en: string };
}

export interface CatalogueCareer {
	slug: string;
	title: string;
	familyId: string;
	hook: string;
	summary: string;
	onet: { code: string; title: string; analogQuality: 'direct' | 'approx' | 'guess' };
	vector: CareerVector;
}

export interface CatalogueQuestion {
	id: string;
	text: { fr: string; en: string };
	loadings: Partial<Record<DimensionId, number>>;
}

export interface Catalogue {
	version: string;
	families: Family[];
	/** In family order, then by title. */
	careers: CatalogueCareer[];
	/** Active questions, in the order the quiz asks them. */
	questions: CatalogueQuestion[];
	/** The careers as the engine ranks them, prepared once per catalogue. */
	engineCareers: readonly PreparedCareer[];
	careerBySlug: ReadonlyMap<string, CatalogueCareer>;
	questionById: ReadonlyMap<string, CatalogueQuestion>;
}
