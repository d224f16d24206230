import { DIMENSION_IDS } from '$lib/engine';
import { seededRandom } from '$lib/seeded-random';
import type { Catalogue } from './catalog/types';
import type { Db } from './db/client';
import { finishAttempt, saveAnswers } from './db/repositories/attempts';
import { createCohort, joinCohort, listCounsellorCohorts } from './db/repositories/cohorts';
import { addNote } from './db/repositories/notes';
import { enableSecondFactor, offerSecondFactorKey } from './db/repositories/second-factor';
import { createUser, findUserCredentials } from './db/repositories/users';
import type { UserRole } from './db/schema';
import { hashPassword } from './auth/password';
import { generateJoinCode } from './cohorts/join-code';
import { generateId } from './ids';
import { resultOfAnswers } from './results/matching';

/** Demo accounts for a local try-out (`npm start`), never for a real deployment: their password is public. */
export const DEMO_PASSWORD = 'boussole-demo-2026';
/**
 * The demo staff's second-factor key (counsellor, editor and administrator), public too: type it into any authenticator app, or run
 * `npm run demo:code` to print the current code (README, « Demo accounts »).
 */
export const DEMO_TOTP_KEY = 'BOUSSOLEDEMOCONSEILLERE2345ABCDE';
export const DEMO_ACCOUNTS: { identifier: string; role: UserRole; birthYear: number }[] = [
	{ identifier: 'eleve.demo', role: 'student', birthYear: 2008 },
	{ identifier: 'conseillere.demo', role: 'counsellor', birthYear: 1985 },
	{ identifier: 'editeur.demo', role: 'editor', birthYear: 1990 },
	{ identifier: 'admin.demo', role: 'admin', birthYear: 1980 }
];
const DEMO_CLASS_SIZE = 28;

export async function seedDemoAccounts(db: Db): Promise<number> {
	let created = 0;
	for (const account of DEMO_ACCOUNTS) {
		if (await findUserCredentials(db, account.identifier)) continue;
		const id = generateId();
		const ok = await createUser(db, { id, ...account, passwordHash: await hashPassword(DEMO_PASSWORD) });
		if (!ok) continue;
		created += 1;
		if (account.role !== 'student') {
			await offerSecondFactorKey(db, id, DEMO_TOTP_KEY);
			await enableSecondFactor(db, id, 0, []);
		}
	}
	return created;
}

/** Answers of an imaginary student whose leanings are `traits` (−1…1 per dimension), with some noise. */
function imaginedAnswers(catalogue: Catalogue, traits: Record<string, number>, random: () => number) {
	const answers: Record<string, number> = {};
	for (const question of catalogue.questions) {
		let lean = 0;
		let weight = 0;
		for (const [dimension, loading] of Object.entries(question.loadings)) {
			lean += (loading ?? 0) * (traits[dimension] ?? 0);
			weight += Math.abs(loading ?? 0);
		}
		const value = 3 + 2 * (weight ? lean / weight : 0) + (random() - 0.5) * 1.6;
		answers[question.id] = Math.min(5, Math.max(1, Math.round(value)));
	}
	return answers;
}

/**
 * The demo counsellor's class: a cohort of pseudonymous students at every stage (not started, in progress,
 * done, one with a flat profile, some with two results), so that the dashboard shows something on a first
 * try. `eleve.demo` joins too, without a result: taking the quiz as them shows it arrive. Once only.
 */
export async function seedDemoCohort(db: Db, catalogue: Catalogue): Promise<boolean> {
	const counsellor = await findUserCredentials(db, 'conseillere.demo');
	const demoStudent = await findUserCredentials(db, 'eleve.demo');
	if (!counsellor || !demoStudent || (await listCounsellorCohorts(db, counsellor.id)).length > 0)
		return false;

	const cohortId = generateId();
	await createCohort(
		db,
		{ id: cohortId, counsellorId: counsellor.id, name: 'Terminale 2 (démo)', groupLabel: '2026-2027' },
		generateJoinCode
	);
	await joinCohort(db, cohortId, demoStudent.id);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	// Seeded: the same profiles on every machine (ids, dates and the code are drawn afresh).
	const random = seededRandom(2026);
	const day = 24 * 60 * 60 * 1000;
	const start = Date.now() - 40 * day;

	for (let i = 1; i <= DEMO_CLASS_SIZE; i += 1) {
		const id = generateId();
		const identifier = `demo.eleve${String(i).padStart(2, '0')}`;
		if (!(await createUser(db, { id, identifier, passwordHash, birthYear: 2008 }))) continue;
		const joinedAt = new Date(start + i * 3600_000);
		await joinCohort(db, cohortId, id, joinedAt);
		if (i % 9 === 0) continue; // not started
		const owner = { ownerHash: `demo-${identifier}`, userId: id };
		const traits = Object.fromEntries(DIMENSION_IDS.map((d) => [d, random() * 2 - 1]));
		const flat = i === 7;
		const answers = flat
			? Object.fromEntries(catalogue.questions.map((q) => [q.id, 3]))
			: imaginedAnswers(catalogue, traits, random);
		const rounds = i % 4 === 0 ? 2 : 1;
		for (let round = 0; round < rounds; round += 1) {
			const when = new Date(joinedAt.getTime() + (round * 14 + 2 + (i % 5)) * day);
			const attemptId = await saveAnswers(db, owner, answers, generateId, when);
			if (i % 10 === 5) break; // in progress
			await finishAttempt(db, attemptId, (stored) => resultOfAnswers(catalogue, stored), generateId, when);
			// The second round: a few answers moved, as after a term of discovery.
			for (const question of catalogue.questions.slice(0, 12))
				answers[question.id] = Math.min(
					5,
					Math.max(1, (answers[question.id] ?? 3) + (random() < 0.5 ? -1 : 1))
				);
		}
	}
	await addNote(db, {
		id: generateId(),
		authorId: counsellor.id,
		studentId: demoStudent.id,
		body: 'Premier entretien prévu en janvier : parler des vœux Parcoursup et des journées portes ouvertes.',
		shared: false
	});
	return true;
}
