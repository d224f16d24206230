import { z } from 'zod';
import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS } from '$lib/engine/dimensions';
import {
	ENTRY_LEVELS,
	FINANCING_KINDS,
	REGISTRATION_TO_CHECK,
	REMOTE_LEVELS,
	TRAINING_FORMATS,
	TRAINING_KINDS
} from '$lib/vocabulary';
import { frenchTypography } from './house-style';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const unit = z.number().min(0).max(1);
/** English text, or codes and names that French typography must not touch. */
const plain = (max: number) => z.string().trim().min(1).max(max);
/** French text: non-breaking spaces are put where French typography wants them (writers need not type them). */
const text = (max: number) => plain(max).transform(frenchTypography);

export const familySchema = z.strictObject({
	id: slug,
	name: z.strictObject({ fr: text(80), en: plain(80) })
});

export const questionSchema = z.strictObject({
	id: slug.max(40),
	text: z.strictObject({ fr: text(200), en: plain(200) }),
	loadings: z
		.partialRecord(
			z.enum(DIMENSION_IDS),
			z
				.number()
				.min(-1)
				.max(1)
				.refine((w) => w !== 0, 'a loading cannot be 0')
		)
		.refine((loadings) => Object.keys(loadings).length >= 1, 'at least one loading is required'),
	rationale: text(600)
});

const list = (min: number, max: number, length: number) => z.array(text(length)).min(min).max(max);
const euros = z.number().int().min(12_000).max(250_000);

/** The full « fiche métier »: every section of the seed profile, and a few more. */
const careerProfileSchema = {
	description: list(3, 5, 900),
	scene: text(1200),
	missions: list(4, 8, 220),
	softSkills: list(4, 8, 180),
	technicalSkills: list(4, 10, 200),
	salary: z
		.strictObject({
			junior: euros,
			confirmed: euros,
			expert: euros,
			year: z.number().int().min(2020).max(2030),
			/** Ids of `sources.json`. */
			sources: z.array(slug).min(1).max(4),
			/** Where Paris and the regions differ much: by how much, said plainly. */
			regions: text(400).optional(),
			/** Where first jobs are hard to find (many candidates, few junior posts): said honestly. */
			juniorMarket: text(400).optional()
		})
		.refine((s) => s.junior <= s.confirmed && s.confirmed <= s.expert, {
			message: 'salaries must be ordered junior ≤ confirmed ≤ expert'
		}),
	workWith: z
		.array(z.strictObject({ role: text(80), slug: slug.optional(), why: text(260) }))
		.min(3)
		.max(6),
	workplaces: z.strictObject({
		employers: list(3, 7, 200),
		freelance: text(400),
		publicSector: text(400),
		remote: z.enum(REMOTE_LEVELS),
		remoteNote: text(300)
	}),
	paths: z.strictObject({ short: text(900), long: text(900) }),
	testimonial: z.strictObject({
		name: text(40),
		age: z.number().int().min(16).max(70),
		role: text(160),
		quote: text(1200),
		illustrative: z.literal(true)
	}),
	similar: z.array(slug).min(3).max(5)
};

export const careerSchema = z.strictObject({
	slug,
	/** Onisep's form: « Développeur / Développeuse back-end »; one word when it is the same for all. */
	title: text(80),
	family: slug,
	/** The lowest level of study that commonly leads to a first job in it. */
	entryLevel: z.enum(ENTRY_LEVELS),
	hook: text(140),
	summary: text(900),
	onet: z.strictObject({
		code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/),
		title: plain(120),
		analogQuality: z.enum(['direct', 'approx', 'guess'])
	}),
	vector: z.strictObject({
		riasec: z.strictObject(
			Object.fromEntries(RIASEC_IDS.map((id) => [id, unit])) as Record<
				(typeof RIASEC_IDS)[number],
				typeof unit
			>
		),
		skills: z.strictObject(
			Object.fromEntries(SKILL_IDS.map((id) => [id, unit])) as Record<(typeof SKILL_IDS)[number], typeof unit>
		)
	}),
	adjustments: z.array(
		z.strictObject({ dimensions: z.array(z.enum(DIMENSION_IDS)).min(1), reason: text(600) })
	),
	...careerProfileSchema
});

export const trainingSchema = z.strictObject({
	slug: slug.max(60),
	name: text(160),
	kind: z.enum(TRAINING_KINDS),
	track: z.enum(['court', 'long']),
	durationMonths: z.number().int().min(1).max(72),
	level: z.strictObject({
		bac: z.number().int().min(0).max(8).nullable(),
		rncp: z.number().int().min(3).max(8).nullable()
	}),
	/**
	 * Its registration with France compétences (RNCP and/or Répertoire spécifique), each a code, « à vérifier »
	 * (said to exist, not checked) or null (none). The CPF funds registered certifications only.
	 */
	registration: z.strictObject({
		rncp: z.union([z.string().regex(/^RNCP\d{3,6}$/), z.literal(REGISTRATION_TO_CHECK)]).nullable(),
		rs: z.union([z.string().regex(/^RS\d{3,6}$/), z.literal(REGISTRATION_TO_CHECK)]).nullable()
	}),
	formats: z.array(z.enum(TRAINING_FORMATS)).min(1),
	cost: text(400),
	financing: z.array(z.enum(FINANCING_KINDS)).min(1),
	prerequisites: text(500),
	summary: text(900),
	providers: text(300),
	careers: z.array(slug).min(1).max(8),
	skills: z.array(z.enum(SKILL_IDS)).min(1).max(8)
});

export const sourceSchema = z.strictObject({
	id: slug,
	name: plain(200),
	publisher: plain(200),
	year: z.number().int().min(2000).max(2100),
	url: z.url({ protocol: /^https$/ }),
	licence: text(60).optional(),
	usedFor: text(200)
});

/** `content/version.json`: the number of this catalogue, raised by whoever changes `content/`. */
export const versionSchema = z.strictObject({ number: z.number().int().min(1) });

export type FamilyContent = z.infer<typeof familySchema>;
export type QuestionContent = z.infer<typeof questionSchema>;
export type CareerContent = z.infer<typeof careerSchema>;
export type TrainingContent = z.infer<typeof trainingSchema>;
export type SourceContent = z.infer<typeof sourceSchema>;
