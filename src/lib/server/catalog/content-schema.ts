import { z } from 'zod';
import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS } from '$lib/engine/dimensions';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const unit = z.number().min(0).max(1);
const text = (max: number) => z.string().trim().min(1).max(max);

export const familySchema = z.strictObject({
	id: slug,
	name: z.strictObject({ fr: text(80), en: text(80) })
});

export const questionSchema = z.strictObject({
	id: slug.max(40),
	text: z.strictObject({ fr: text(200), en: text(200) }),
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

export const careerSchema = z.strictObject({
	slug,
	title: text(80),
	family: slug,
	hook: text(140),
	summary: text(900),
	onet: z.strictObject({
		code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/),
		title: text(120),
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
	)
});

export type FamilyContent = z.infer<typeof familySchema>;
export type QuestionContent = z.infer<typeof questionSchema>;
export type CareerContent = z.infer<typeof careerSchema>;
