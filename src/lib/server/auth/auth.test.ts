import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '../db/client';
import { createUser, exportUserData, deleteUser } from '../db/repositories/users';
import { saveAnswers } from '../db/repositories/attempts';
import { seedCatalogue } from '../db/repositories/catalogue';
import { loadCatalogueContent } from '../catalog/content';
import { attemptAnswers, dismissals, quizAttempts, sessions, users } from '../db/schema';
import { generateId, hashToken } from '../ids';
import { logIn, mayBeUnder15, signUp } from './account';
import { createSession, SESSION_LIFETIME_MS, validateSessionToken } from './session';
import { Throttle } from './throttle';

const content = loadCatalogueContent('content');
let db: Db;
let ip = 0;
/** A new address per test, so that the module's throttling buckets never leak between tests. */
const context = (ownerHash: string | null = null) => ({ ip: `10.0.0.${++ip}`, ownerHash });

beforeEach(() => {
	db = openDatabase(':memory:').db;
	migrateDatabase(db);
	seedCatalogue(db, content);
});

const adult = {
	identifier: 'Camille@Exemple.fr',
	password: 'une phrase bien longue',
	birthYear: '1995',
	parentName: '',
	parentConsent: null
};

describe('signUp', () => {
	it('creates the account, stores only an argon2id hash, and opens a session stored as a hash', async () => {
		const outcome = await signUp(db, adult, context());
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		const row = db.select().from(users).get()!;
		expect(row.identifier).toBe('camille@exemple.fr');
		expect(row.passwordHash).toMatch(/^\$argon2id\$/);
		expect(row.passwordHash).not.toContain(adult.password);
		expect(outcome.token.length).toBeGreaterThanOrEqual(24);
		const session = db.select().from(sessions).get()!;
		expect(session.id).toBe(hashToken(outcome.token));
	});

	it('refuses a taken identifier, whatever its case', async () => {
		await signUp(db, adult, context());
		const again = await signUp(db, { ...adult, identifier: 'CAMILLE@exemple.FR' }, context());
		expect(again).toEqual({ ok: false, errors: { identifier: 'identifier_taken' } });
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(1);
	});

	it('asks a parent’s consent whenever the person may be under 15, and records it with the date', async () => {
		const now = new Date('2026-11-25T12:00:00Z');
		expect(mayBeUnder15(2011, now)).toBe(true);
		expect(mayBeUnder15(2010, now)).toBe(false);
		const child = { ...adult, identifier: 'zoe.b', birthYear: '2012' };
		expect(await signUp(db, child, { ...context(), now })).toEqual({
			ok: false,
			errors: { parentName: 'parent_name_missing', parentConsent: 'parent_consent_missing' }
		});
		const consented = await signUp(
			db,
			{ ...child, parentName: 'Nadia B.', parentConsent: 'on' },
			{ ...context(), now }
		);
		expect(consented.ok).toBe(true);
		const row = db.select().from(users).where(eq(users.identifier, 'zoe.b')).get()!;
		expect(row.parentalConsentName).toBe('Nadia B.');
		expect(row.parentalConsentAt).toEqual(now);
	});

	it('claims the anonymous attempts of the browser, once', async () => {
		const attemptId = saveAnswers(
			db,
			{ ownerHash: 'browser', userId: null },
			{ [content.questions[0]!.id]: 4 },
			generateId
		);
		const outcome = await signUp(db, adult, context('browser'));
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).get()!.userId).toBe(
			outcome.user.id
		);
		expect(db.select({ n: count() }).from(quizAttempts).get()!.n).toBe(1);
	});
});

describe('logIn', () => {
	it('answers the same for an unknown identifier and a wrong password', async () => {
		await signUp(db, adult, context());
		const wrong = await logIn(
			db,
			{ identifier: adult.identifier, password: 'pas le bon mot de passe' },
			context()
		);
		const unknown = await logIn(
			db,
			{ identifier: 'personne@exemple.fr', password: 'pas le bon mot de passe' },
			context()
		);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('opens a new session on every log-in', async () => {
		await signUp(db, adult, context());
		const first = await logIn(db, adult, context());
		const second = await logIn(db, adult, context());
		expect(first.ok && second.ok && first.session.id !== second.session.id).toBe(true);
	});

	it('throttles an account after repeated failures, for a while only', async () => {
		await signUp(db, { ...adult, identifier: 'cible' }, context());
		for (let i = 0; i < 5; i += 1)
			await logIn(db, { identifier: 'cible', password: 'mauvais mot de passe' }, context());
		const blocked = await logIn(db, { identifier: 'cible', password: adult.password }, context());
		expect(blocked).toMatchObject({ ok: false, throttled: expect.any(Number) });
		const later = new Date(Date.now() + 16 * 60_000);
		const after = await logIn(
			db,
			{ identifier: 'cible', password: adult.password },
			{ ...context(), now: later }
		);
		expect(after.ok).toBe(true);
	});
});

describe('sessions', () => {
	it('slide: a session used in its second half is renewed; an unused one expires', async () => {
		const outcome = await signUp(db, adult, context());
		if (!outcome.ok) throw new Error('sign-up failed');
		const lifetime = SESSION_LIFETIME_MS.student;
		const start = outcome.session.expiresAt.getTime() - lifetime;
		const renewed = validateSessionToken(db, outcome.token, start + lifetime * 0.75);
		expect(renewed!.session.expiresAt.getTime()).toBe(start + lifetime * 1.75);
		expect(validateSessionToken(db, outcome.token, start + lifetime * 2)).toBeNull();
		expect(db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
		expect(validateSessionToken(db, 'not-a-token')).toBeNull();
	});

	it('counsellors time out after 2 hours idle, and stay signed in while they work', () => {
		const HOUR = 3_600_000;
		expect(SESSION_LIFETIME_MS.counsellor).toBe(2 * HOUR);
		createUser(db, {
			id: 'c1',
			identifier: 'conseil',
			passwordHash: 'x',
			birthYear: 1980,
			role: 'counsellor'
		});
		const start = Date.now();
		const { token } = createSession(db, { id: 'c1', role: 'counsellor' }, start);
		expect(validateSessionToken(db, token, start + 1.9 * HOUR)).not.toBeNull();
		expect(validateSessionToken(db, token, start + 3.8 * HOUR)).not.toBeNull();
		expect(validateSessionToken(db, token, start + 5.9 * HOUR)).toBeNull();
	});

	it('a counsellor session made longer than 2 hours (before the change) is brought down to 2 hours', () => {
		const HOUR = 3_600_000;
		createUser(db, {
			id: 'c2',
			identifier: 'conseil2',
			passwordHash: 'x',
			birthYear: 1980,
			role: 'counsellor'
		});
		const start = Date.now();
		const { token } = createSession(db, { id: 'c2', role: 'student' }, start);
		expect(validateSessionToken(db, token, start + HOUR)!.session.expiresAt.getTime()).toBe(start + 3 * HOUR);
		expect(validateSessionToken(db, token, start + 3.5 * HOUR)).toBeNull();
	});
});

describe('deleteUser', () => {
	it('leaves no row about the person, and the export holds only their own data', async () => {
		const someone = await signUp(db, adult, context('browser-a'));
		const other = await signUp(db, { ...adult, identifier: 'autre.personne' }, context('browser-b'));
		if (!someone.ok || !other.ok) throw new Error('sign-up failed');
		const question = content.questions[0]!.id;
		saveAnswers(db, { ownerHash: 'browser-a', userId: someone.user.id }, { [question]: 5 }, generateId);
		saveAnswers(db, { ownerHash: 'browser-b', userId: other.user.id }, { [question]: 1 }, generateId);
		db.insert(dismissals)
			.values({ userId: someone.user.id, careerSlug: 'pentester', createdAt: new Date() })
			.run();

		const exported = exportUserData(db, someone.user.id)!;
		expect(exported.account.identifier).toBe('camille@exemple.fr');
		expect(exported.answers.map((a) => a.value)).toEqual([5]);
		expect(JSON.stringify(exported)).not.toContain('autre.personne');
		expect(JSON.stringify(exported)).not.toContain('passwordHash');

		deleteUser(db, someone.user.id);
		for (const table of [users, sessions, quizAttempts, dismissals]) {
			const column = 'userId' in table ? table.userId : table.id;
			expect(db.select({ n: count() }).from(table).where(eq(column, someone.user.id)).get()!.n).toBe(0);
		}
		expect(db.select({ n: count() }).from(attemptAnswers).get()!.n).toBe(1);
	});
});

describe('Throttle', () => {
	it('locks for a growing but bounded time, and never for good', () => {
		const throttle = new Throttle({ limit: 2, windowMs: 60_000, lockMs: 1_000, maxLockMs: 8_000 });
		let now = 0;
		throttle.record('k', now);
		expect(throttle.retryAfter('k', now)).toBe(0);
		for (let i = 0; i < 10; i += 1) throttle.record('k', now);
		expect(throttle.retryAfter('k', now)).toBe(8);
		now += 8_001;
		expect(throttle.retryAfter('k', now)).toBe(0);
	});
});
