import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogueContent } from '../catalog/content';
import { saveAnswers } from '../db/repositories/attempts';
import { createUser, deleteUser, exportUserData, findUserById } from '../db/repositories/users';
import { browserResultsToClaim, claimBrowserResults } from '../results/claims';
import { attemptAnswers, dismissals, quizAttempts, sessions, users } from '../db/schema';
import type { Db } from '../db/client';
import { completeSession, createSession, SESSION_POLICY, validateSessionToken } from '../auth/session';
import { reserveAttempt } from '../db/repositories/throttles';
import { parseForm } from '../forms';
import { generateId, hashToken } from '../ids';
import { freshTestDatabase } from '../test-database';
import { logInThrottled, signUpThrottled } from './accounts';
import { mayBeUnder15, signupForm } from './forms';

const content = loadCatalogueContent('content');
let db: Db;
let ip = 0;
/** A new address per test, so that the module's throttling buckets never leak between tests. */
const context = (ownerHash: string | null = null) => ({ ip: `10.0.0.${++ip}`, ownerHash });

beforeEach(async () => {
	db = await freshTestDatabase();
});

const adult = {
	identifier: 'Camille@Exemple.fr',
	password: 'une phrase bien longue',
	birthYear: '1995',
	parentName: '',
	parentConsent: ''
};

/** The sign-up form as posted, then the service, as the page does it. */
async function signUp(fields: Partial<typeof adult>, ctx = context()) {
	const form = new FormData();
	for (const [name, value] of Object.entries({ ...adult, ...fields })) form.set(name, value);
	const input = parseForm(form, signupForm);
	if (!input.ok) return { ok: false as const, errors: input.failure.data.errors };
	return signUpThrottled(input.data, ctx);
}

const logIn = (
	identifier: string,
	password: string,
	ctx: { ip: string; ownerHash: string | null; now?: Date } = context()
) => logInThrottled({ identifier, password }, ctx);

const rows = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;

describe('signing up', () => {
	it('creates the account, stores only an argon2id hash, and opens a session stored as a hash', async () => {
		const outcome = await signUp({});
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		const [row] = await db.select().from(users);
		expect(row!.identifier).toBe('camille@exemple.fr');
		expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
		expect(row!.passwordHash).not.toContain(adult.password);
		expect(outcome.token.length).toBeGreaterThanOrEqual(24);
		const [session] = await db.select().from(sessions);
		expect(session!.id).toBe(hashToken(outcome.token));
	});

	it('refuses a taken identifier, whatever its case', async () => {
		await signUp({});
		const again = await signUp({ identifier: 'CAMILLE@exemple.FR' });
		expect(again).toMatchObject({ ok: false, status: 409, errors: { identifier: expect.any(String) } });
		expect(await rows(db.select({ n: count() }).from(users))).toBe(1);
	});

	it('names every field at fault at once, and never the password itself', async () => {
		const form = new FormData();
		for (const [name, value] of Object.entries({
			...adult,
			identifier: 'a',
			password: 'court',
			birthYear: '3000'
		}))
			form.set(name, value);
		const input = parseForm(form, signupForm);
		expect(input.ok).toBe(false);
		if (input.ok) return;
		expect(Object.keys(input.failure.data.errors).sort()).toEqual(['birthYear', 'identifier', 'password']);
		expect(input.failure.data.values).toEqual({
			identifier: 'a',
			birthYear: '3000',
			parentName: '',
			parentConsent: ''
		});
	});

	it('asks a parent’s consent whenever the person may be under 15, and records it with the date', async () => {
		const now = new Date('2026-11-25T12:00:00Z');
		expect(mayBeUnder15(2011, now)).toBe(true);
		expect(mayBeUnder15(2010, now)).toBe(false);
		const childYear = String(new Date().getFullYear() - 13);
		const refused = await signUp({ identifier: 'zoe.b', birthYear: childYear });
		expect(refused.ok).toBe(false);
		expect(Object.keys((refused as { errors: object }).errors).sort()).toEqual([
			'parentConsent',
			'parentName'
		]);
		const consented = await signUp({
			identifier: 'zoe.b',
			birthYear: childYear,
			parentName: 'Nadia B.',
			parentConsent: 'on'
		});
		expect(consented.ok).toBe(true);
		const [row] = await db.select().from(users).where(eq(users.identifier, 'zoe.b'));
		expect(row!.parentalConsentName).toBe('Nadia B.');
		expect(Date.now() - row!.parentalConsentAt!.getTime()).toBeLessThan(60_000);
	});

	it('never takes the browser’s anonymous results silently: only when the person says they are theirs', async () => {
		const attemptId = await saveAnswers(
			db,
			{ ownerHash: 'browser', userId: null },
			{ [content.questions[0]!.id]: 4 },
			generateId
		);
		const outcome = await signUp({});
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		const attempt = async () =>
			(await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)))[0]!;
		expect((await attempt()).userId).toBeNull();
		expect((await browserResultsToClaim('browser')).inProgress).toBe(true);
		const user = (await findUserById(db, outcome.user.id))!;
		expect(await claimBrowserResults(user, 'browser')).toBe(1);
		expect((await attempt()).userId).toBe(outcome.user.id);
		expect(await rows(db.select({ n: count() }).from(quizAttempts))).toBe(1);
		expect(await claimBrowserResults(user, 'browser')).toBe(0);
	});
});

describe('logging in', () => {
	it('answers the same for an unknown identifier and a wrong password', async () => {
		await signUp({});
		const wrong = await logIn(adult.identifier, 'pas le bon mot de passe');
		const unknown = await logIn('personne@exemple.fr', 'pas le bon mot de passe');
		expect(wrong).toMatchObject({ ok: false, status: 400 });
		expect(unknown).toEqual(wrong);
	});

	it('opens a new session on every log-in', async () => {
		await signUp({});
		const first = await logIn(adult.identifier, adult.password);
		const second = await logIn(adult.identifier, adult.password);
		expect(first.ok && second.ok && first.session.id !== second.session.id).toBe(true);
	});

	it('throttles an account after repeated failures, for a while only', async () => {
		await signUp({ identifier: 'cible' });
		for (let i = 0; i < 5; i += 1) await logIn('cible', 'mauvais mot de passe');
		expect(await logIn('cible', adult.password)).toMatchObject({ ok: false, status: 429 });
		const later = new Date(Date.now() + 16 * 60_000);
		expect((await logIn('cible', adult.password, { ...context(), now: later })).ok).toBe(true);
	});
});

describe('the security log', () => {
	it('has each log-in, failed or not, and each lock, by account id: never the identifier or the password', async () => {
		const created = await signUp({ identifier: 'journal' });
		const lines: string[] = [];
		const spy = vi.spyOn(console, 'info').mockImplementation((line: string) => void lines.push(line));
		try {
			await logIn('journal', adult.password);
			for (let i = 0; i < 6; i += 1) await logIn('journal', 'mauvais mot de passe');
		} finally {
			spy.mockRestore();
		}
		const events = lines.map((line) => JSON.parse(line) as Record<string, string>);
		const userId = created.ok ? created.user.id : '';
		expect(events.map((e) => e.event)).toEqual([
			'login_succeeded',
			...Array(5).fill('login_failed'),
			'throttled'
		]);
		expect(events.slice(0, 6).every((e) => e.userId === userId && e.kind === 'security' && e.at)).toBe(true);
		expect(events[6]).toMatchObject({ throttle: 'loginAccount' });
		expect(lines.join('\n')).not.toMatch(/journal|mauvais|phrase bien longue|10\.0\.0\./);
	});
});

describe('sessions', () => {
	const HOUR = 3_600_000;
	const DAY = 24 * HOUR;

	it('slide: a session used is renewed; an unused one expires', async () => {
		const outcome = await signUp({});
		if (!outcome.ok) throw new Error('sign-up failed');
		const { idle } = SESSION_POLICY.student;
		const start = outcome.session.createdAt.getTime();
		const renewed = await validateSessionToken(db, outcome.token, start + idle * 0.75);
		expect(renewed!.session.expiresAt.getTime()).toBe(start + idle * 1.75);
		expect(await validateSessionToken(db, outcome.token, start + idle * 2)).toBeNull();
		expect(await rows(db.select({ n: count() }).from(sessions))).toBe(0);
		expect(await validateSessionToken(db, 'not-a-token')).toBeNull();
	});

	it('ends a student session 90 days after the log-in, however much it is used', async () => {
		const outcome = await signUp({});
		if (!outcome.ok) throw new Error('sign-up failed');
		const start = outcome.session.createdAt.getTime();
		expect(SESSION_POLICY.student).toMatchObject({ idle: 30 * DAY, absolute: 90 * DAY });
		for (let day = 20; day < 90; day += 20)
			expect(await validateSessionToken(db, outcome.token, start + day * DAY), `day ${day}`).not.toBeNull();
		const lastDay = await validateSessionToken(db, outcome.token, start + 89 * DAY);
		expect(lastDay!.session.expiresAt.getTime()).toBe(start + 90 * DAY);
		expect(await validateSessionToken(db, outcome.token, start + 90 * DAY)).toBeNull();
	});

	it('staff: 2 hours idle, 12 hours at most, and nothing before the second factor', async () => {
		expect(SESSION_POLICY.counsellor).toMatchObject({ idle: 2 * HOUR, absolute: 12 * HOUR });
		await createUser(db, {
			id: 'c1',
			identifier: 'conseil',
			passwordHash: 'x',
			birthYear: 1980,
			role: 'counsellor'
		});
		const start = Date.now();
		const staff = { id: 'c1', role: 'counsellor' as const, totpEnabledAt: null };
		const { token, session } = await createSession(db, staff, { now: start });
		// Password only: the session waits for the second factor, 10 minutes at most.
		expect((await validateSessionToken(db, token, start + 60_000))!.complete).toBe(false);
		expect(session.expiresAt.getTime()).toBe(start + 10 * 60_000);
		await completeSession(db, session, staff, start);
		for (let hour = 1.9; hour < 12; hour += 1.9)
			expect((await validateSessionToken(db, token, start + hour * HOUR))?.complete, `hour ${hour}`).toBe(
				true
			);
		expect(await validateSessionToken(db, token, start + 12 * HOUR)).toBeNull();
	});

	it("a session made longer before a role change is brought down to the new role's 2 hours", async () => {
		await createUser(db, {
			id: 'c2',
			identifier: 'conseil2',
			passwordHash: 'x',
			birthYear: 1980,
			role: 'counsellor'
		});
		const start = Date.now();
		const asStudent = { id: 'c2', role: 'student' as const, totpEnabledAt: null };
		const { token, session } = await createSession(db, asStudent, { now: start });
		await completeSession(db, session, asStudent, start);
		const clamped = await validateSessionToken(db, token, start + HOUR);
		expect(clamped!.session.expiresAt.getTime()).toBe(start + 3 * HOUR);
		expect(await validateSessionToken(db, token, start + 3.5 * HOUR)).toBeNull();
	});
});

describe('deleting an account', () => {
	it('leaves no row about the person, and the export holds only their own data', async () => {
		const someone = await signUp({}, context('browser-a'));
		const other = await signUp({ identifier: 'autre.personne' }, context('browser-b'));
		if (!someone.ok || !other.ok) throw new Error('sign-up failed');
		const question = content.questions[0]!.id;
		await saveAnswers(db, { ownerHash: 'browser-a', userId: someone.user.id }, { [question]: 5 }, generateId);
		await saveAnswers(db, { ownerHash: 'browser-b', userId: other.user.id }, { [question]: 1 }, generateId);
		await db
			.insert(dismissals)
			.values({ userId: someone.user.id, careerSlug: 'pentester', createdAt: new Date() });

		const exported = (await exportUserData(db, someone.user.id))!;
		expect(exported.account.identifier).toBe('camille@exemple.fr');
		expect(exported.answers.map((a) => a.value)).toEqual([5]);
		expect(JSON.stringify(exported)).not.toContain('autre.personne');
		expect(JSON.stringify(exported)).not.toContain('passwordHash');

		await deleteUser(db, someone.user.id);
		for (const table of [users, sessions, quizAttempts, dismissals]) {
			const column = 'userId' in table ? table.userId : table.id;
			expect(await rows(db.select({ n: count() }).from(table).where(eq(column, someone.user.id)))).toBe(0);
		}
		expect(await rows(db.select({ n: count() }).from(attemptAnswers))).toBe(1);
	});
});

describe('throttles', () => {
	const policy = { limit: 2, windowMs: 60_000, lockMs: 1_000, maxLockMs: 4_000 };
	const at = (ms: number) => new Date(1_800_000_000_000 + ms);

	it('lock for a growing but bounded time, and never for good', async () => {
		expect(await reserveAttempt(db, 'k', policy, at(0))).toEqual({ ok: true });
		expect(await reserveAttempt(db, 'k', policy, at(0))).toEqual({ ok: true });
		expect(await reserveAttempt(db, 'k', policy, at(0))).toEqual({ ok: false, retryAfter: 1 });
		// While locked, attempts are refused without counting.
		expect(await reserveAttempt(db, 'k', policy, at(500))).toEqual({ ok: false, retryAfter: 1 });
		expect(await reserveAttempt(db, 'k', policy, at(1_001))).toEqual({ ok: false, retryAfter: 2 });
		expect(await reserveAttempt(db, 'k', policy, at(3_002))).toEqual({ ok: false, retryAfter: 4 });
		expect(await reserveAttempt(db, 'k', policy, at(7_003))).toEqual({ ok: false, retryAfter: 4 });
		// A new window starts afresh.
		expect(await reserveAttempt(db, 'k', policy, at(70_000))).toEqual({ ok: true });
	});

	it('count a burst of parallel attempts one by one: only the limit passes', async () => {
		const outcomes = await Promise.all(
			Array.from({ length: 10 }, () => reserveAttempt(db, 'burst', { ...policy, limit: 3 }, at(0)))
		);
		expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
	});

	it('reserve log-in attempts before verifying: parallel wrong passwords pass the check five times at most', async () => {
		await signUp({ identifier: 'rafale' });
		const tries = await Promise.all(
			Array.from({ length: 12 }, () =>
				logIn('rafale', 'pas le bon mot de passe', { ip: '10.9.9.9', ownerHash: null })
			)
		);
		expect(tries.filter((outcome) => !outcome.ok && outcome.status === 400)).toHaveLength(5);
		expect(tries.filter((outcome) => !outcome.ok && outcome.status === 429)).toHaveLength(7);
	});
});
