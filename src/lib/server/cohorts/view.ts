import { RIASEC_IDS } from '$lib/engine';
import { needsSupport } from '$lib/result-summary';
import type { Catalogue } from '../catalog/types';
import type { MemberRow } from '../db/repositories/cohorts';
import { oneOf } from '../forms';

export const COHORT_PAGE_SIZE = 50;
export const QUIZ_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];
export const COHORT_SORTS = ['name', 'joined', 'activity', 'status', 'score'] as const;
export type CohortSort = (typeof COHORT_SORTS)[number];

export interface CohortQuery {
	q: string;
	status: QuizStatus | null;
	/** Only students whose profile is flagged « à accompagner ». */
	support: boolean;
	/** Only students whose closest career is in this family. */
	family: string | null;
	sort: CohortSort;
	desc: boolean;
	page: number;
}

/** Reads the table's URL parameters; an unknown value falls back to the default rather than failing. */
export function parseCohortQuery(params: URLSearchParams, familyIds: readonly string[]): CohortQuery {
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		status: oneOf(params.get('statut'), QUIZ_STATUSES),
		support: params.get('accompagner') === '1',
		family: oneOf(params.get('famille'), familyIds),
		sort: oneOf(params.get('tri'), COHORT_SORTS) ?? 'name',
		desc: params.get('ordre') === 'desc',
		page: Number.isFinite(page) && page > 0 ? page : 1
	};
}

export interface TopCareer {
	slug: string;
	title: string;
	score: number;
}

export interface StudentRow {
	id: string;
	identifier: string;
	joinedAt: Date;
	lastActivity: Date | null;
	status: QuizStatus;
	/** The three closest careers as the student sees them (without the ones they set aside). */
	top: TopCareer[];
	support: boolean;
	/** Best score per family id among the careers the student kept, for the heat map; empty before a result. */
	familyBest: Record<string, number>;
	/** RIASEC values 0–1 (null where unknown) from the latest result; null before a first result. */
	interests: (number | null)[] | null;
	/** The questions the latest result rests on, when known. */
	asked: number | null;
}

/** One member as the counsellor's table shows them; `topCount` careers (3 on screen, 5 in the CSV). */
export function studentRow(member: MemberRow, catalogue: Catalogue, topCount = 3): StudentRow {
	const summary = member.summary;
	const status: QuizStatus = summary ? 'done' : member.inProgress ? 'in_progress' : 'not_started';
	const dismissed = new Set(member.dismissed);
	const familyBest: Record<string, number> = {};
	const top: TopCareer[] = [];
	for (const [slug, score] of summary?.ranked ?? []) {
		if (dismissed.has(slug)) continue;
		const career = catalogue.careerBySlug.get(slug);
		if (career && !(career.familyId in familyBest)) familyBest[career.familyId] = score;
		if (top.length < topCount) top.push({ slug, title: career?.title ?? slug, score: Math.round(score) });
	}
	return {
		id: member.id,
		identifier: member.identifier,
		joinedAt: member.joinedAt,
		lastActivity: member.lastActivity,
		status,
		top,
		support: summary ? needsSupport(summary.quality) : false,
		familyBest,
		interests: summary?.interests ?? null,
		asked: summary?.asked ?? null
	};
}

const STATUS_ORDER: Record<QuizStatus, number> = { not_started: 0, in_progress: 1, done: 2 };
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
/** How students are ordered by name everywhere (table and CSV): « eleve2 » before « eleve10 ». */
export const compareIdentifiers = (a: string, b: string) => collator.compare(a, b);

function compareRows(sort: CohortSort): (a: StudentRow, b: StudentRow) => number {
	switch (sort) {
		case 'joined':
			return (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime();
		case 'activity':
			return (a, b) => (a.lastActivity?.getTime() ?? 0) - (b.lastActivity?.getTime() ?? 0);
		case 'status':
			return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
		case 'score':
			return (a, b) => (a.top[0]?.score ?? -1) - (b.top[0]?.score ?? -1);
		case 'name':
			return (a, b) => collator.compare(a.identifier, b.identifier);
	}
}

export interface CohortOverview {
	total: number;
	byStatus: Record<QuizStatus, number>;
	support: number;
	/** How many students have each career first, most frequent first (10 at most). */
	topCareers: { slug: string; title: string; count: number }[];
	/** How many students have their closest career in each family, in catalogue order. */
	families: { id: string; name: string; count: number }[];
	/** Mean of the known interest values over students with a result; null where nobody has one. */
	averageInterests: Record<(typeof RIASEC_IDS)[number], number | null>;
}

export function cohortOverview(
	rows: StudentRow[],
	catalogue: Catalogue,
	locale: 'fr' | 'en'
): CohortOverview {
	const byStatus: Record<QuizStatus, number> = { not_started: 0, in_progress: 0, done: 0 };
	const firsts = new Map<string, number>();
	const families = new Map<string, number>(catalogue.families.map((f) => [f.id, 0]));
	const sums = RIASEC_IDS.map(() => ({ total: 0, count: 0 }));
	let support = 0;
	for (const row of rows) {
		byStatus[row.status] += 1;
		if (row.support) support += 1;
		const first = row.top[0];
		if (first) {
			firsts.set(first.slug, (firsts.get(first.slug) ?? 0) + 1);
			const familyId = catalogue.careerBySlug.get(first.slug)?.familyId;
			if (familyId !== undefined) families.set(familyId, (families.get(familyId) ?? 0) + 1);
		}
		row.interests?.forEach((value, i) => {
			if (value !== null) {
				sums[i]!.total += value;
				sums[i]!.count += 1;
			}
		});
	}
	return {
		total: rows.length,
		byStatus,
		support,
		topCareers: [...firsts]
			.sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
			.slice(0, 10)
			.map(([slug, count]) => ({ slug, title: catalogue.careerBySlug.get(slug)?.title ?? slug, count })),
		families: catalogue.families.map((f) => ({
			id: f.id,
			name: f.name[locale],
			count: families.get(f.id) ?? 0
		})),
		averageInterests: Object.fromEntries(
			RIASEC_IDS.map((id, i) => [id, sums[i]!.count === 0 ? null : sums[i]!.total / sums[i]!.count])
		) as CohortOverview['averageInterests']
	};
}

/** Filters, sorts (name as the tie-break, always) and cuts one page of the table. */
export function selectStudents(
	rows: StudentRow[],
	query: CohortQuery,
	catalogue: Catalogue
): { page: StudentRow[]; matching: number; pages: number; pageNumber: number } {
	const needle = query.q.toLocaleLowerCase('fr');
	const matching = rows.filter(
		(row) =>
			(!needle || row.identifier.toLocaleLowerCase('fr').includes(needle)) &&
			(!query.status || row.status === query.status) &&
			(!query.support || row.support) &&
			(!query.family ||
				(row.top[0] !== undefined && catalogue.careerBySlug.get(row.top[0].slug)?.familyId === query.family))
	);
	const byKey = compareRows(query.sort);
	const direction = query.desc ? -1 : 1;
	matching.sort((a, b) => direction * byKey(a, b) || collator.compare(a.identifier, b.identifier));
	const pages = Math.max(1, Math.ceil(matching.length / COHORT_PAGE_SIZE));
	const pageNumber = Math.min(query.page, pages);
	return {
		page: matching.slice((pageNumber - 1) * COHORT_PAGE_SIZE, pageNumber * COHORT_PAGE_SIZE),
		matching: matching.length,
		pages,
		pageNumber
	};
}
