import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalog/types';
import type { Db } from '../db/client';
import { clearPeopleData, freshTestDatabase } from '../test-database';
import {
	counsellorCanSeeStudent,
	createCohort,
	joinCohort,
	leaveCohort,
	listCohortMembers,
	updateCounsellorCohort
} from '../db/repositories/cohorts';
import { addNote, listNotes } from '../db/repositories/notes';
import { createUser } from '../db/repositories/users';
import { csvCell, toCsv } from './csv';
import { JOIN_CODE_ALPHABET, formatJoinCode, generateJoinCode, normalizeJoinCode } from './join-code';
import { parseCohortQuery, selectStudents, studentRow, COHORT_PAGE_SIZE } from './view';
import type { MemberRow } from '../db/repositories/cohorts';

let db: Db;
beforeAll(async () => {
	db = await freshTestDatabase();
});

async function addUser(db: Db, id: string, role: 'student' | 'counsellor') {
	await createUser(db, { id, identifier: id, passwordHash: 'x', birthYear: 1990, role });
}

describe('join codes', () => {
	it('are 8 characters without look-alikes, and typed codes are forgiven case, spaces and dashes', () => {
		const codes = new Set(Array.from({ length: 2000 }, generateJoinCode));
		expect(codes.size).toBe(2000);
		for (const code of codes) {
			expect(code).toHaveLength(8);
			for (const char of code) expect(JOIN_CODE_ALPHABET).toContain(char);
			expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
		}
		expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
		expect(normalizeJoinCode(' abcd ef23 ')).toBe('ABCDEF23');
		expect(normalizeJoinCode('ABCD-EF2')).toBeNull();
		expect(normalizeJoinCode('ABCD-EF20')).toBeNull();
		expect(normalizeJoinCode('')).toBeNull();
	});
});

describe('CSV', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) {
			expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/);
		}
		expect(csvCell('=1+2@exemple.fr')).toBe("'=1+2@exemple.fr");
		expect(csvCell('léa.m')).toBe('léa.m');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
	});

	it('quotes separators, quotes and line breaks, with a BOM and CRLF lines', () => {
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
		expect(
			toCsv([
				['a', 1],
				['b\nc', null]
			])
		).toBe('\uFEFFa;1\r\n"b\nc";\r\n');
	});
});

describe('cohort table', () => {
	const catalogue = {
		careerBySlug: new Map([
			['dev', { title: 'Développeur·euse', familyId: 'code' }],
			['ops', { title: 'Admin systèmes', familyId: 'infra' }],
			['ux', { title: 'Designer UX', familyId: 'design' }]
		]),
		families: [
			{ id: 'code', name: { fr: 'Code', en: 'Code' } },
			{ id: 'infra', name: { fr: 'Infra', en: 'Infra' } },
			{ id: 'design', name: { fr: 'Design', en: 'Design' } }
		]
	} as unknown as Catalogue;
	const member = (id: string, overrides: Partial<MemberRow> = {}): MemberRow => ({
		id,
		identifier: id,
		joinedAt: new Date(2026, 8, 1),
		lastActivity: null,
		inProgress: false,
		summary: null,
		dismissed: [],
		...overrides
	});
	const summary = (ranked: [string, number][], level: 'good' | 'weak' = 'good') => ({
		ranked,
		interests: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
		quality: { level, flags: [] }
	});

	it('shows the careers the student kept, a status and the « à accompagner » flag', () => {
		const row = studentRow(
			member('a', {
				summary: summary(
					[
						['dev', 80],
						['ops', 70],
						['ux', 60]
					],
					'weak'
				),
				dismissed: ['dev']
			}),
			catalogue
		);
		expect(row.status).toBe('done');
		expect(row.top.map((c) => c.slug)).toEqual(['ops', 'ux']);
		expect(row.support).toBe(true);
		expect(row.familyBest).toEqual({ infra: 70, design: 60 });
		expect(studentRow(member('b', { inProgress: true }), catalogue).status).toBe('in_progress');
		expect(studentRow(member('c'), catalogue).status).toBe('not_started');
	});

	it('filters, sorts with the name as tie-break, and pages', () => {
		const rows = Array.from({ length: 120 }, (_, i) =>
			studentRow(
				member(`eleve-${String(i).padStart(3, '0')}`, {
					summary: i % 2 ? summary([['dev', i % 10]]) : null
				}),
				catalogue
			)
		);
		const query = (params: string) => parseCohortQuery(new URLSearchParams(params), ['code', 'infra']);
		const first = selectStudents(rows, query(''), catalogue);
		expect(first.page).toHaveLength(COHORT_PAGE_SIZE);
		expect(first.pages).toBe(3);
		expect(first.page[0]!.identifier).toBe('eleve-000');
		const done = selectStudents(rows, query('statut=done&tri=score&ordre=desc&page=2'), catalogue);
		expect(done.matching).toBe(60);
		expect(done.pageNumber).toBe(2);
		const scores = done.page.map((r) => r.top[0]!.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(selectStudents(rows, query('famille=infra'), catalogue).matching).toBe(0);
		expect(selectStudents(rows, query('q=ELEVE-01'), catalogue).matching).toBe(10);
		// Unknown values fall back to the defaults; a page past the end shows the last one.
		expect(query('statut=x&tri=y&page=-4')).toMatchObject({ status: null, sort: 'name', page: 1 });
		expect(selectStudents(rows, query('page=99'), catalogue).pageNumber).toBe(3);
	});
});

describe('who may see whom', () => {
	it('a counsellor sees a student only through a membership in one of their own cohorts, not archived', async () => {
		const scenario = fc.record({
			counsellors: fc.integer({ min: 1, max: 3 }),
			students: fc.integer({ min: 1, max: 6 }),
			cohorts: fc.array(fc.record({ owner: fc.nat(2), archived: fc.boolean() }), {
				minLength: 1,
				maxLength: 5
			}),
			joins: fc.array(fc.tuple(fc.nat(4), fc.nat(5)), { maxLength: 20 }),
			leaves: fc.array(fc.tuple(fc.nat(4), fc.nat(5)), { maxLength: 10 })
		});
		await fc.assert(
			fc.asyncProperty(scenario, async ({ counsellors, students, cohorts: drawn, joins, leaves }) => {
				await clearPeopleData(db);
				const counsellorIds = Array.from({ length: counsellors }, (_, i) => `c${i}`);
				const studentIds = Array.from({ length: students }, (_, i) => `s${i}`);
				for (const id of counsellorIds) await addUser(db, id, 'counsellor');
				for (const id of studentIds) await addUser(db, id, 'student');
				const cohorts = drawn.map((cohort, i) => ({
					id: `k${i}`,
					owner: counsellorIds[cohort.owner % counsellors]!,
					archived: cohort.archived
				}));
				for (const cohort of cohorts)
					await createCohort(
						db,
						{ id: cohort.id, counsellorId: cohort.owner, name: cohort.id, groupLabel: '' },
						generateJoinCode
					);

				const members = new Set<string>();
				const key = (cohortId: string, studentId: string) => `${cohortId}/${studentId}`;
				for (const [c, s] of joins) {
					const cohort = cohorts[c % cohorts.length]!;
					const student = studentIds[s % students]!;
					await joinCohort(db, cohort.id, student);
					members.add(key(cohort.id, student));
				}
				// Every counsellor who can see a student writes a note about them.
				for (const counsellor of counsellorIds)
					for (const student of studentIds)
						if (await counsellorCanSeeStudent(db, counsellor, student))
							await addNote(db, {
								id: `${counsellor}-${student}`,
								authorId: counsellor,
								studentId: student,
								body: 'n',
								shared: false
							});
				for (const cohort of cohorts)
					if (cohort.archived)
						await updateCounsellorCohort(db, cohort.id, cohort.owner, { archivedAt: new Date() });
				for (const [c, s] of leaves) {
					const cohort = cohorts[c % cohorts.length]!;
					const student = studentIds[s % students]!;
					expect(await leaveCohort(db, cohort.id, student)).toBe(members.delete(key(cohort.id, student)));
				}

				for (const counsellor of counsellorIds) {
					for (const student of studentIds) {
						const memberOf = cohorts.filter((c) => c.owner === counsellor && members.has(key(c.id, student)));
						// Visible only through a cohort that is not archived.
						expect(await counsellorCanSeeStudent(db, counsellor, student)).toBe(
							memberOf.some((c) => !c.archived)
						);
						// Not a member of any of their cohorts any more: none of their notes about the student is left.
						if (memberOf.length === 0) expect(await listNotes(db, counsellor, student)).toEqual([]);
					}
				}
				for (const cohort of cohorts) {
					const listed = (await listCohortMembers(db, cohort.id)).map((m) => m.id).sort();
					expect(listed).toEqual(studentIds.filter((s) => members.has(key(cohort.id, s))).sort());
				}
			}),
			{ numRuns: 150 }
		);
	});
});
