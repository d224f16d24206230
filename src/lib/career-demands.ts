import { RIASEC_IDS, SKILL_IDS, type CareerVector, type RiasecId, type SkillId } from '$lib/engine';

export type DemandLevel = 'high' | 'medium' | 'low';

/** Thresholds for putting a 0–1 importance into words; below `low`, a skill is not worth mentioning. */
const DEMAND_THRESHOLDS: [DemandLevel, number][] = [
	['high', 0.8],
	['medium', 0.6],
	['low', 0.4]
];

/** The skills a career asks for, grouped « beaucoup / assez / un peu », most important first. */
export function skillDemands(vector: CareerVector): { level: DemandLevel; skills: SkillId[] }[] {
	const sorted = [...SKILL_IDS].sort((a, b) => vector.skills[b] - vector.skills[a]);
	return DEMAND_THRESHOLDS.map(([level, min], index) => {
		const max = index === 0 ? Infinity : DEMAND_THRESHOLDS[index - 1]![1];
		return { level, skills: sorted.filter((id) => vector.skills[id] >= min && vector.skills[id] < max) };
	}).filter((group) => group.skills.length > 0);
}

/** The interest types a career leans on: above its own average, strongest first, at most three. */
export function leadingInterests(vector: CareerVector): RiasecId[] {
	const mean = RIASEC_IDS.reduce((sum, id) => sum + vector.riasec[id], 0) / RIASEC_IDS.length;
	return RIASEC_IDS.filter((id) => vector.riasec[id] > mean)
		.sort((a, b) => vector.riasec[b] - vector.riasec[a])
		.slice(0, 3);
}
