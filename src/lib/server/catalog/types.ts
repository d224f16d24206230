import type { CareerVector, DimensionId, PreparedCareer, SkillId } from '$lib/engine';
import type { EntryLevel } from '$lib/vocabulary';
import type { CareerContent, SourceContent, TrainingContent } from './content-schema';

export interface Family {
	id: string;
	name: { fr: string; en: string };
}

/** The sections of a « fiche métier », as the content files hold them. */
export type CareerProfile = Pick<
	CareerContent,
	| 'description'
	| 'scene'
	| 'missions'
	| 'softSkills'
	| 'technicalSkills'
	| 'salary'
	| 'workWith'
	| 'workplaces'
	| 'paths'
	| 'testimonial'
	| 'similar'
>;

export type Training = Omit<TrainingContent, 'skills'> & { skills: SkillId[] };
export type Source = Omit<SourceContent, 'licence'> & { licence: string | null };

export interface CatalogueCareer {
	slug: string;
	title: string;
	familyId: string;
	hook: string;
	summary: string;
	onet: { code: string; title: string; analogQuality: 'direct' | 'approx' | 'guess' };
	entryLevel: EntryLevel;
	vector: CareerVector;
	profile: CareerProfile;
}

export interface CatalogueQuestion {
	id: string;
	text: { fr: string; en: string };
	loadings: Partial<Record<DimensionId, number>>;
}

export interface Catalogue {
	/** The content hash results record. */
	version: string;
	/** The catalogue version's number (grows with each import or publication). */
	number: number;
	families: Family[];
	/** In family order, then by title. */
	careers: CatalogueCareer[];
	/** Active questions, in the order the quiz asks them. */
	questions: CatalogueQuestion[];
	/** The careers as the engine ranks them, prepared once per catalogue. */
	engineCareers: readonly PreparedCareer[];
	careerBySlug: ReadonlyMap<string, CatalogueCareer>;
	/** Short paths first (track « court »), then long ones, each by duration, then name. */
	trainings: Training[];
	trainingBySlug: ReadonlyMap<string, Training>;
	/** Each career's trainings, in the same order as `trainings`. */
	trainingsByCareer: ReadonlyMap<string, Training[]>;
	sources: Source[];
	questionById: ReadonlyMap<string, CatalogueQuestion>;
}
