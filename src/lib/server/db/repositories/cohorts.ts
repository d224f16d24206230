import { and, asc, count, desc, eq, exists, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { ResultSummary } from '$lib/result-summary';
import type { Db } from '../client';
import { isUniqueViolation } from '../errors';
import { cohortMembers, cohorts, counsellorNotes, dismissals, quizAttempts, results, users } from '../schema';

export interface CohortInput {
	name: string;
	groupLabel: string;
}

/** Creates the cohort with a fresh join code (drawing again in the unlikely case of a collision). */
export async function createCohort(
	db: Db,
	cohort: CohortInput & { id: string; counsellorId: string },
	newCode: () => string,
	now = new Date()
): Promise<void> {
	for (;;) {
		const inserted = await db
			.insert(cohorts)
			.values({ ...cohort, joinCode: newCode(), createdAt: now })
			.onConflictDoNothing({ target: cohorts.joinCode })
			.returning({ id: cohorts.id });
		if (inserted.length === 1) return;
	}
}

export interface CohortListItem {
	id: string;
	name: string;
	groupLabel: string;
	joinCode: string;
	archivedAt: Date | null;
	createdAt: Date;
	members: number;
	finished: number;
}

/** The counsellor's cohorts, newest first, with how many students joined and how many finished a quiz. */
export async function listCounsellorCohorts(db: Db, counsellorId: string): Promise<CohortListItem[]> {
	const members = db.select({ n: count() }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohorts.id));
	const finished = db
		.select({ n: count() })
		.from(cohortMembers)
		.where(
			and(
				eq(cohortMembers.cohortId, cohorts.id),
				exists(
					db
						.select({ one: sql`1` })
						.from(quizAttempts)
						.where(and(eq(quizAttempts.userId, cohortMembers.studentId), isNotNull(quizAttempts.finishedAt)))
				)
			)
		);
	return db
		.select({
			id: cohorts.id,
			name: cohorts.name,
			groupLabel: cohorts.groupLabel,
			joinCode: cohorts.joinCode,
			archivedAt: cohorts.archivedAt,
			createdAt: cohorts.createdAt,
			members: sql<number>`(${members})`.mapWith(Number),
			finished: sql<number>`(${finished})`.mapWith(Number)
		})
		.from(cohorts)
		.where(eq(cohorts.counsellorId, counsellorId))
		.orderBy(desc(cohorts.createdAt), asc(cohorts.name));
}

/** The cohort, only for its own counsellor: anyone else gets null (→ 404). */
export async function findCounsellorCohort(db: Db, cohortId: string, counsellorId: string) {
	const [cohort] = await db
		.select()
		.from(cohorts)
		.where(and(eq(cohorts.id, cohortId), eq(cohorts.counsellorId, counsellorId)));
	return cohort ?? null;
}

/** Applies a change to the counsellor's own cohort; false when it is not theirs (or does not exist). */
export async function updateCounsellorCohort(
	db: Db,
	cohortId: string,
	counsellorId: string,
	change: Partial<{ name: string; groupLabel: string; joinCode: string; archivedAt: Date | null }>
): Promise<boolean> {
	const updated = await db
		.update(cohorts)
		.set(change)
		.where(and(eq(cohorts.id, cohortId), eq(cohorts.counsellorId, counsellorId)))
		.returning({ id: cohorts.id });
	return updated.length === 1;
}

/** A new join code for the counsellor's own cohort (drawn again on a collision); false when not theirs. */
export async function rotateJoinCode(
	db: Db,
	cohortId: string,
	counsellorId: string,
	newCode: () => string
): Promise<boolean> {
	for (;;) {
		try {
			return await updateCounsellorCohort(db, cohortId, counsellorId, { joinCode: newCode() });
		} catch (error) {
			if (!isUniqueViolation(error)) throw error;
		}
	}
}

/** A cohort open to new members under this code, with the name of whoever runs it (for the consent screen). */
export async function findOpenCohortByCode(db: Db, joinCode: string) {
	const [cohort] = await db
		.select({
			id: cohorts.id,
			name: cohorts.name,
			groupLabel: cohorts.groupLabel,
			counsellor: users.identifier
		})
		.from(cohorts)
		.innerJoin(users, eq(users.id, cohorts.counsellorId))
		.where(and(eq(cohorts.joinCode, joinCode), isNull(cohorts.archivedAt)));
	return cohort ?? null;
}

/** Adds the student; joining twice keeps the first date. */
export async function joinCohort(
	db: Db,
	cohortId: string,
	studentId: string,
	now = new Date()
): Promise<void> {
	await db.insert(cohortMembers).values({ cohortId, studentId, joinedAt: now }).onConflictDoNothing();
}

/**
 * The student leaves: the membership row goes, so access ends with this statement. When no other cohort of
 * the same counsellor still holds the student, that counsellor's notes about them go too (nobody may read
 * them any more, so keeping them would only be a risk). False when the student was not a member.
 */
export async function leaveCohort(db: Db, cohortId: string, studentId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [cohort] = await tx
			.select({ counsellorId: cohorts.counsellorId })
			.from(cohorts)
			.where(eq(cohorts.id, cohortId));
		const left = await tx
			.delete(cohortMembers)
			.where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.studentId, studentId)))
			.returning({ studentId: cohortMembers.studentId });
		if (left.length === 0 || !cohort) return false;
		if (!(await counsellorCanSeeStudent(tx, cohort.counsellorId, studentId))) {
			await tx
				.delete(counsellorNotes)
				.where(
					and(eq(counsellorNotes.authorId, cohort.counsellorId), eq(counsellorNotes.studentId, studentId))
				);
		}
		return true;
	});
}

/**
 * The one rule of the counsellor space: the student is a member of one of the counsellor's own cohorts that
 * is not archived (archiving a cohort ends its counsellor's access to its members). Use with cohortMembers
 * joined to cohorts.
 */
function openMembership(counsellorId: string, studentId: string) {
	return and(
		eq(cohortMembers.studentId, studentId),
		eq(cohorts.counsellorId, counsellorId),
		isNull(cohorts.archivedAt)
	);
}

export async function counsellorCanSeeStudent(
	db: Pick<Db, 'select'>,
	counsellorId: string,
	studentId: string
): Promise<boolean> {
	const found = await db
		.select({ one: sql`1` })
		.from(cohortMembers)
		.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
		.where(openMembership(counsellorId, studentId))
		.limit(1);
	return found.length > 0;
}

/** The student's cohorts (for their account page and their data export). */
export async function listStudentCohorts(db: Db, studentId: string) {
	return db
		.select({
			id: cohorts.id,
			name: cohorts.name,
			groupLabel: cohorts.groupLabel,
			counsellor: users.identifier,
			counsellorId: cohorts.counsellorId,
			archivedAt: cohorts.archivedAt,
			joinedAt: cohortMembers.joinedAt
		})
		.from(cohortMembers)
		.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
		.innerJoin(users, eq(users.id, cohorts.counsellorId))
		.where(eq(cohortMembers.studentId, studentId))
		.orderBy(desc(cohortMembers.joinedAt));
}

/** The counsellor's open cohorts that hold this student (the student page names them). */
export async function listSharedCohorts(db: Db, counsellorId: string, studentId: string) {
	return db
		.select({ id: cohorts.id, name: cohorts.name, joinedAt: cohortMembers.joinedAt })
		.from(cohortMembers)
		.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
		.where(openMembership(counsellorId, studentId))
		.orderBy(asc(cohorts.name));
}

export interface MemberRow {
	id: string;
	identifier: string;
	joinedAt: Date;
	lastActivity: Date | null;
	inProgress: boolean;
	/** The latest result's summary; null when the student has not finished a quiz. */
	summary: ResultSummary | null;
	dismissed: string[];
}

/**
 * Every member of the cohort with what the table and the charts need, in two queries whatever the size:
 * correlated subqueries walk the per-user indexes; the latest result comes as its small summary. The latest
 * attempt is found first (finished_at is the result's date): ordering results themselves would read every
 * result row past its large ranking (overflow pages), 3× slower at 10,000 results.
 */
export async function listCohortMembers(db: Db, cohortId: string): Promise<MemberRow[]> {
	const ofMember = eq(quizAttempts.userId, users.id);
	const lastActivity = db
		.select({ at: max(quizAttempts.updatedAt) })
		.from(quizAttempts)
		.where(ofMember);
	const open = db
		.select({ one: sql`1` })
		.from(quizAttempts)
		.where(and(ofMember, isNull(quizAttempts.finishedAt)));
	const latestFinished = db
		.select({ id: quizAttempts.id })
		.from(quizAttempts)
		.where(and(ofMember, isNotNull(quizAttempts.finishedAt)))
		.orderBy(desc(quizAttempts.finishedAt))
		.limit(1);
	const latestSummary = db
		.select({ summary: results.summary })
		.from(results)
		.where(eq(results.attemptId, sql`(${latestFinished})`));
	const rows = await db
		.select({
			id: users.id,
			identifier: users.identifier,
			joinedAt: cohortMembers.joinedAt,
			lastActivity: sql<Date | null>`(${lastActivity})`.mapWith(quizAttempts.updatedAt),
			inProgress: sql<boolean>`${exists(open)}`.mapWith(Boolean),
			summary: sql<ResultSummary | null>`(${latestSummary})`.mapWith(results.summary)
		})
		.from(cohortMembers)
		.innerJoin(users, eq(users.id, cohortMembers.studentId))
		.where(eq(cohortMembers.cohortId, cohortId));
	const dismissed = new Map<string, string[]>();
	for (const row of await db
		.select({ userId: dismissals.userId, slug: dismissals.careerSlug })
		.from(dismissals)
		.innerJoin(cohortMembers, eq(cohortMembers.studentId, dismissals.userId))
		.where(eq(cohortMembers.cohortId, cohortId))) {
		dismissed.set(row.userId, [...(dismissed.get(row.userId) ?? []), row.slug]);
	}
	return rows.map((row) => ({
		...row,
		lastActivity: row.lastActivity ?? null,
		summary: row.summary ?? null,
		dismissed: dismissed.get(row.id) ?? []
	}));
}
