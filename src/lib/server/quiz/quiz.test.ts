import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { THROTTLES } from '../auth/throttle';
import type { Db } from '../db/client';
import { deleteUnclaimedAttempts, saveAnswers } from '../db/repositories/attempts';
import { attemptAnswers, quizAttempts, throttles } from '../db/schema';
import { generateId } from '../ids';
import { freshTestDatabase } from '../test-database';
import { answerFieldName } from './pages';
import { saveQuizPageThrottled } from './quiz';

let db: Db;
beforeEach(async () => {
	db = await freshTestDatabase();
});

const answers = async () => (await db.select({ n: count() }).from(attemptAnswers))[0]!.n;

describe('saving quiz pages without an account', () => {
	it('counts against the address: past its budget, a save is refused with 429 and stores nothing', async () => {
		const { questions } = await import('../catalog').then((c) => c.getCatalogue());
		const form = () => {
			const data = new FormData();
			data.set('page', '1');
			data.set('nav', 'next');
			data.set(answerFieldName(questions[0]!.id), '4');
			return data;
		};
		const owner = () => ({ ownerHash: 'browser', userId: null });
		expect(await saveQuizPageThrottled(form(), owner, { ip: '10.1.1.1' })).toEqual({
			ok: true,
			goTo: '/quiz?page=2'
		});
		// The address has used its whole budget in this window.
		await db
			.update(throttles)
			.set({ attempts: THROTTLES.anonymousWrites.limit })
			.where(eq(throttles.key, 'anonymousWrites:10.1.1.1'));
		const refused = await saveQuizPageThrottled(form(), () => ({ ownerHash: 'other', userId: null }), {
			ip: '10.1.1.1'
		});
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.failure.status).toBe(429);
		expect(await answers()).toBe(1);
		// Another address is not held back.
		expect((await saveQuizPageThrottled(form(), owner, { ip: '10.1.1.2' })).ok).toBe(true);
	});
});

describe('quizzes without an account', () => {
	it('are deleted after the retention period, never those of an account', async () => {
		const day = 24 * 3600 * 1000;
		const old = new Date(Date.now() - 61 * day);
		await saveAnswers(db, { ownerHash: 'old', userId: null }, { x: 3 }, generateId, old).catch(
			() => undefined
		);
		const { questions } = await import('../catalog').then((c) => c.getCatalogue());
		const q = questions[0]!.id;
		await saveAnswers(db, { ownerHash: 'old', userId: null }, { [q]: 3 }, generateId, old);
		await saveAnswers(db, { ownerHash: 'recent', userId: null }, { [q]: 3 }, generateId);
		expect(await deleteUnclaimedAttempts(db, new Date(Date.now() - 60 * day))).toBe(1);
		const left = await db.select({ owner: quizAttempts.ownerTokenHash }).from(quizAttempts);
		expect(left.map((a) => a.owner)).toEqual(['recent']);
	});
});
