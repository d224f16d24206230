import { currentLocale, formatDate } from '$lib/labels';
import { RIASEC_IDS } from '$lib/engine';
import { needsSupport } from '$lib/result-summary';
import { getCatalogue } from './catalog';
import { getDb } from './db';
import { listOwnerResults } from './db/repositories/attempts';
import {
	counsellorCanSeeStudent,
	findCounsellorCohort,
	listCohortMembers,
	listNotes,
	listSharedCohorts,
	recordAudit
} from './db/repositories/cohorts';
import { findResultForOwner } from './db/repositories/results';
import { findUserById, listDismissals } from './db/repositories/users';
import type { AuditAction } from './db/schema';
import { toCsv } from './cohorts/csv';
import { cohortOverview, selectStudents, studentRow, type CohortQuery } from './cohorts/view';
import { matchesForDisplay } from './result-view';

/**
 * The counsellor space's reads. Each one checks the only rule (an active membership in one of the
 * counsellor's own cohorts) in the same call that reads, and writes the audit trace before returning data:
 * a route cannot forget either.
 */

export function cohortDashboard(counsellorId: string, cohortId: string, query: CohortQuery) {
	const db = getDb();
	const cohort = findCounsellorCohort(db, cohortId, counsellorId);
	if (!cohort) return null;
	const catalogue = getCatalogue();
	const rows = listCohortMembers(db, cohortId).map((member) => studentRow(member, catalogue));
	recordAudit(db, [{ actorId: counsellorId, action: 'cohort_viewed', cohortId }]);
	const selection = selectStudents(rows, query, catalogue);
	return {
		cohort,
		overview: cohortOverview(rows, catalogue, currentLocale()),
		...selection
	};
}

const CSV_TOP = 5;

/** The whole cohort as CSV, one row per student; every student in it gets an audit entry. */
export function cohortCsv(counsellorId: string, cohortId: string): { name: string; csv: string } | null {
	const db = getDb();
	const cohort = findCounsellorCohort(db, cohortId, counsellorId);
	if (!cohort) return null;
	const catalogue = getCatalogue();
	const rows = listCohortMembers(db, cohortId)
		.map((member) => studentRow(member, catalogue, CSV_TOP))
		.sort((a, b) => a.identifier.localeCompare(b.identifier, 'fr'));
	recordAudit(
		db,
		rows.map((row) => ({ actorId: counsellorId, action: 'cohort_exported', studentId: row.id, cohortId }))
	);
	const header = [
		'eleve',
		'statut',
		'a_accompagner',
		'rejoint_le',
		'derniere_activite',
		...Array.from({ length: CSV_TOP }, (_, i) => [`metier_${i + 1}`, `score_${i + 1}`]).flat(),
		...RIASEC_IDS.map((id) => `interet_${id}`)
	];
	const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');
	const lines = rows.map((row) => [
		row.identifier,
		row.status,
		row.status === 'done' ? (row.support ? 'oui' : 'non') : '',
		day(row.joinedAt),
		day(row.lastActivity),
		...Array.from({ length: CSV_TOP }, (_, i) => {
			const career = row.top[i];
			return [career?.title ?? '', career?.score ?? ''];
		}).flat(),
		...RIASEC_IDS.map((_, i) => {
			const value = row.interests?.[i];
			return value === null || value === undefined ? '' : Math.round(value * 100);
		})
	]);
	return { name: cohort.name, csv: toCsv([header, ...lines]) };
}

/** One student, for a counsellor allowed to see them; null otherwise (→ 404). */
export function studentFile(
	counsellorId: string,
	studentId: string,
	action: Extract<AuditAction, 'student_viewed' | 'student_printed'>
) {
	const db = getDb();
	if (!counsellorCanSeeStudent(db, counsellorId, studentId)) return null;
	const student = findUserById(db, studentId);
	if (!student) return null;
	recordAudit(db, [{ actorId: counsellorId, action, studentId }]);

	const catalogue = getCatalogue();
	const locale = currentLocale();
	const owner = { ownerHash: null, userId: studentId };
	const history = listOwnerResults(db, owner);
	const latest = history[0] ? findResultForOwner(db, history[0].id, owner) : null;
	const dismissed = listDismissals(db, studentId);
	return {
		student: { id: student.id, identifier: student.identifier },
		cohorts: listSharedCohorts(db, counsellorId, studentId).map((c) => ({
			...c,
			joined: formatDate(c.joinedAt, { dateStyle: 'long' })
		})),
		history: history.map((r) => ({
			id: r.id,
			label: formatDate(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })
		})),
		latest: latest && {
			id: latest.id,
			date: formatDate(latest.createdAt),
			profile: latest.ranking.profile,
			quality: latest.ranking.quality,
			support: needsSupport(latest.ranking.quality),
			matches: matchesForDisplay(latest.ranking, new Set(dismissed), catalogue, locale),
			engineVersion: latest.engineVersion,
			catalogueVersion: latest.catalogueVersion
		},
		dismissed: dismissed.map((slug) => ({ slug, title: catalogue.careerBySlug.get(slug)?.title ?? slug })),
		notes: listNotes(db, counsellorId, studentId).map((note) => ({
			id: note.id,
			body: note.body,
			shared: note.shared,
			created: formatDate(note.createdAt),
			updated: note.updatedAt.getTime() !== note.createdAt.getTime() ? formatDate(note.updatedAt) : null
		}))
	};
}
