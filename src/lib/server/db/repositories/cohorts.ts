import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ResultSummary } from '$lib/result-summary';
import type { Db } from '../client';
import {
	auditLog,
	cohortMembers,
	cohorts,
	counsellorNotes,
	dismissals,
	users,
	type AuditAction
} from '../schema';

export interface CohortInput {
	name: string;
	groupLabel: string;
}

/** Creates the cohort with a fresh join code (drawing again in the unlikely case of a collision). */
export function createCohort(
	db: Db,
	cohort: CohortInput & { id: string; counsellorId: string },
	newCode: () => string,
	now = new Date()
): void {
	for (;;) {
		const inserted = db
			.insert(cohorts)
			.values({ ...cohort, joinCode: newCode(), createdAt: now })
			.onConflictDoNothing({ target: cohorts.joinCode })
			.run();
		if (inserted.changes === 1) return;
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
export function listCounsellorCohorts(db: Db, counsellorId: string): CohortListItem[] {
	return db
		.select({
			id: cohorts.id,
			name: cohorts.name,
			groupLabel: cohorts.groupLabel,
			joinCode: cohorts.joinCode,
			archivedAt: cohorts.archivedAt,
			createdAt: cohorts.createdAt,
			members: sql<number>`(select count(*) from ${cohortMembers} m where m.cohort_id = ${cohorts.id})`,
			finished: sql<number>`(select count(*) from ${cohortMembers} m where m.cohort_id = ${cohorts.id}
				and exists (select 1 from quiz_attempts a where a.user_id = m.student_id and a.finished_at is not null))`
		})
		.from(cohorts)
		.where(eq(cohorts.counsellorId, counsellorId))
		.orderBy(desc(cohorts.createdAt), asc(cohorts.name))
		.all();
}

/** The cohort, only for its own counsellor: anyone else gets null (→ 404). */
export function findCounsellorCohort(db: Db, cohortId: string, counsellorId: string) {
	return (
		db
			.select()
			.from(cohorts)
			.where(and(eq(cohorts.id, cohortId), eq(cohorts.counsellorId, counsellorId)))
			.get() ?? null
	);
}

/** Applies a change to the counsellor's own cohort; false when it is not theirs (or does not exist). */
export function updateCounsellorCohort(
	db: Db,
	cohortId: string,
	counsellorId: string,
	change: Partial<{ name: string; groupLabel: string; joinCode: string; archivedAt: Date | null }>
): boolean {
	return (
		db
			.update(cohorts)
			.set(change)
			.where(and(eq(cohorts.id, cohortId), eq(cohorts.counsellorId, counsellorId)))
			.run().changes === 1
	);
}

/** A new join code for the counsellor's own cohort (drawn again on a collision); false when not theirs. */
export function rotateJoinCode(
	db: Db,
	cohortId: string,
	counsellorId: string,
	newCode: () => string
): boolean {
	for (;;) {
		try {
			return updateCounsellorCohort(db, cohortId, counsellorId, { joinCode: newCode() });
		} catch (error) {
			if (!(error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE'))
				throw error;
		}
	}
}

/** A cohort open to new members under this code, with the name of whoever runs it (for the consent screen). */
export function findOpenCohortByCode(db: Db, joinCode: string) {
	return (
		db
			.select({
				id: cohorts.id,
				name: cohorts.name,
				groupLabel: cohorts.groupLabel,
				counsellor: users.identifier
			})
			.from(cohorts)
			.innerJoin(users, eq(users.id, cohorts.counsellorId))
			.where(and(eq(cohorts.joinCode, joinCode), isNull(cohorts.archivedAt)))
			.get() ?? null
	);
}

/** Adds the student; joining twice keeps the first date. */
export function joinCohort(db: Db, cohortId: string, studentId: string, now = new Date()): void {
	db.insert(cohortMembers).values({ cohortId, studentId, joinedAt: now }).onConflictDoNothing().run();
}

/**
 * The student leaves: the membership row goes, so access ends with this statement. When no other cohort of
 * the same counsellor still holds the student, that counsellor's notes about them go too (nobody may read
 * them any more, so keeping them would only be a risk). False when the student was not a member.
 */
export function leaveCohort(db: Db, cohortId: string, studentId: string): boolean {
	return db.transaction(
		(tx) => {
			const cohort = tx
				.select({ counsellorId: cohorts.counsellorId })
				.from(cohorts)
				.where(eq(cohorts.id, cohortId))
				.get();
			const left = tx
				.delete(cohortMembers)
				.where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.studentId, studentId)))
				.run().changes;
			if (left === 0 || !cohort) return false;
			if (!counsellorCanSeeStudent(tx, cohort.counsellorId, studentId)) {
				tx.delete(counsellorNotes)
					.where(
						and(eq(counsellorNotes.authorId, cohort.counsellorId), eq(counsellorNotes.studentId, studentId))
					)
					.run();
			}
			return true;
		},
		{ behavior: 'immediate' }
	);
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

export function counsellorCanSeeStudent(
	db: Pick<Db, 'select'>,
	counsellorId: string,
	studentId: string
): boolean {
	return (
		db
			.select({ one: sql`1` })
			.from(cohortMembers)
			.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
			.where(openMembership(counsellorId, studentId))
			.limit(1)
			.get() !== undefined
	);
}

/** The student's cohorts (for their account page and their data export). */
export function listStudentCohorts(db: Db, studentId: string) {
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
		.orderBy(desc(cohortMembers.joinedAt))
		.all();
}

/** The counsellor's open cohorts that hold this student (the student page names them). */
export function listSharedCohorts(db: Db, counsellorId: string, studentId: string) {
	return db
		.select({ id: cohorts.id, name: cohorts.name, joinedAt: cohortMembers.joinedAt })
		.from(cohortMembers)
		.innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
		.where(openMembership(counsellorId, studentId))
		.orderBy(asc(cohorts.name))
		.all();
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
export function listCohortMembers(db: Db, cohortId: string): MemberRow[] {
	const rows = db.all<{
		id: string;
		identifier: string;
		joined_at: number;
		last_activity: number | null;
		in_progress: number;
		summary: string | null;
	}>(sql`
		select u.id, u.identifier, m.joined_at,
			(select max(a.updated_at) from quiz_attempts a where a.user_id = u.id) as last_activity,
			exists (select 1 from quiz_attempts a where a.user_id = u.id and a.finished_at is null) as in_progress,
			(select r.summary from results r where r.attempt_id = (
				select a.id from quiz_attempts a where a.user_id = u.id and a.finished_at is not null
				order by a.finished_at desc limit 1)) as summary
		from cohort_members m join users u on u.id = m.student_id
		where m.cohort_id = ${cohortId}`);
	const dismissed = new Map<string, string[]>();
	for (const row of db
		.select({ userId: dismissals.userId, slug: dismissals.careerSlug })
		.from(dismissals)
		.innerJoin(cohortMembers, eq(cohortMembers.studentId, dismissals.userId))
		.where(eq(cohortMembers.cohortId, cohortId))
		.all()) {
		dismissed.set(row.userId, [...(dismissed.get(row.userId) ?? []), row.slug]);
	}
	return rows.map((row) => ({
		id: row.id,
		identifier: row.identifier,
		joinedAt: new Date(row.joined_at),
		lastActivity: row.last_activity === null ? null : new Date(row.last_activity),
		inProgress: row.in_progress === 1,
		summary: row.summary === null ? null : (JSON.parse(row.summary) as ResultSummary),
		dismissed: dismissed.get(row.id) ?? []
	}));
}

export function listNotes(db: Db, authorId: string, studentId: string) {
	return db
		.select()
		.from(counsellorNotes)
		.where(and(eq(counsellorNotes.authorId, authorId), eq(counsellorNotes.studentId, studentId)))
		.orderBy(desc(counsellorNotes.createdAt))
		.all();
}

export function addNote(
	db: Db,
	note: { id: string; authorId: string; studentId: string; body: string; shared: boolean },
	now = new Date()
): void {
	db.insert(counsellorNotes)
		.values({ ...note, createdAt: now, updatedAt: now })
		.run();
}

type NoteKey = { id: string; authorId: string; studentId: string };

/** The note, only if this author wrote it about this student: another id matches nothing. */
function theNote(key: NoteKey) {
	return and(
		eq(counsellorNotes.id, key.id),
		eq(counsellorNotes.authorId, key.authorId),
		eq(counsellorNotes.studentId, key.studentId)
	);
}

/** Edits the author's own note; false when the note is not theirs or not about this student. */
export function updateNote(
	db: Db,
	key: NoteKey,
	change: { body: string; shared: boolean },
	now = new Date()
): boolean {
	return (
		db
			.update(counsellorNotes)
			.set({ ...change, updatedAt: now })
			.where(theNote(key))
			.run().changes === 1
	);
}

export function deleteNote(db: Db, key: NoteKey): boolean {
	return db.delete(counsellorNotes).where(theNote(key)).run().changes === 1;
}

export interface AuditEntry {
	actor: { id: string; identifier: string };
	action: AuditAction;
	studentId: string;
	cohortId?: string | null;
}

/** Writes the trace of a read before the data is sent; many entries (a cohort export) in one transaction. */
export function recordAudit(db: Db, entries: AuditEntry[], now = new Date()): void {
	if (entries.length === 0) return;
	db.transaction((tx) => {
		for (let i = 0; i < entries.length; i += 500) {
			tx.insert(auditLog)
				.values(
					entries.slice(i, i + 500).map((entry) => ({
						actorId: entry.actor.id,
						actorName: entry.actor.identifier,
						action: entry.action,
						studentId: entry.studentId,
						cohortId: entry.cohortId ?? null,
						at: now
					}))
				)
				.run();
		}
	});
}

/** Who read the student's data, newest first: for the student's account page and data export. */
export function listAuditAboutStudent(db: Db, studentId: string) {
	return db
		.select({ action: auditLog.action, at: auditLog.at, counsellor: auditLog.actorName })
		.from(auditLog)
		.where(eq(auditLog.studentId, studentId))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.all();
}

/** Notes counsellors chose to share with the student, for the student's export and account page. */
export function listSharedNotesAboutStudent(db: Db, studentId: string) {
	return db
		.select({
			body: counsellorNotes.body,
			author: users.identifier,
			createdAt: counsellorNotes.createdAt,
			updatedAt: counsellorNotes.updatedAt
		})
		.from(counsellorNotes)
		.innerJoin(users, eq(users.id, counsellorNotes.authorId))
		.where(and(eq(counsellorNotes.studentId, studentId), eq(counsellorNotes.shared, true)))
		.orderBy(desc(counsellorNotes.createdAt))
		.all();
}
