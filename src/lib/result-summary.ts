import { RIASEC_IDS, type ProfileQuality, type QualityFlag, type Ranking } from '$lib/engine';

/**
 * What a cohort needs of a result, small enough to read 2,000 at once: every career's score in rank order,
 * the interest profile and the quality verdict. Stored beside the full ranking when a quiz is finished.
 */
export interface ResultSummary {
	/** [career slug, score 0–100 rounded to a tenth], best first, as ranked. */
	ranked: [string, number][];
	/** RIASEC values 0–1 in RIASEC_IDS order; null where unknown. */
	interests: (number | null)[];
	quality: Pick<ProfileQuality, 'level' | 'flags'>;
	/** How many questions the result rests on (null for results from before the adaptive quiz). */
	asked?: number | null;
}

export function summarizeRanking(ranking: Ranking): ResultSummary {
	return {
		ranked: ranking.matches.map((match) => [match.slug, Math.round(match.score * 10) / 10]),
		interests: RIASEC_IDS.map((id) => ranking.profile.values[id] ?? null),
		quality: { level: ranking.quality.level, flags: [...ranking.quality.flags] },
		asked: ranking.quiz?.asked ?? null
	};
}

const UNDIFFERENTIATED: readonly QualityFlag[] = ['flat_interests', 'flat_skills', 'uniform_answers'];

/** « À accompagner »: a profile too flat or too thin to lean on; the counsellor should talk it through. */
export function needsSupport(quality: ResultSummary['quality']): boolean {
	return quality.level === 'weak' || quality.flags.some((flag) => UNDIFFERENTIATED.includes(flag));
}
