/** Holland's six interest types (RIASEC), in their conventional hexagon order. */
export const RIASEC_IDS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;

/** The 20 skill and aptitude dimensions. Stable ids: the DB, the API and the tests use them. */
export const SKILL_IDS = [
	'programming',
	'data_analysis',
	'math',
	'visual_design',
	'communication',
	'writing',
	'project_management',
	'security',
	'networks_infrastructure',
	'customer_relations',
	'business_strategy',
	'marketing',
	'teaching',
	'hardware',
	'creativity',
	'rigor_detail',
	'teamwork',
	'autonomy',
	'problem_solving',
	'user_empathy'
] as const;

export const DIMENSION_IDS = [...RIASEC_IDS, ...SKILL_IDS] as const;

export type RiasecId = (typeof RIASEC_IDS)[number];
export type SkillId = (typeof SKILL_IDS)[number];
export type DimensionId = RiasecId | SkillId;

const dimensionSet: ReadonlySet<string> = new Set(DIMENSION_IDS);
const riasecSet: ReadonlySet<string> = new Set(RIASEC_IDS);

export function isDimensionId(value: string): value is DimensionId {
	return dimensionSet.has(value);
}

export function isRiasecId(value: string): value is RiasecId {
	return riasecSet.has(value);
}
