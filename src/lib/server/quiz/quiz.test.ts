import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { THROTTLES } from '../auth/throttle';
import type { Db } from '../db/client';
import { deleteUnclaimedAttempts, saveAnswers } from '../db/repositories/attempts';
import { attemptAnswers, quizAttempts, results, throttles } from '../db/schema';
import { ADAPTIVE, simulatedAnswer } from '$lib/engine';
import { REFINE_MORE } from './adaptive';
import { generateId } from '../ids';
import { freshTestDatabase } from '../test-database';
import { loadQuizPage, refineResult, saveQuizPageThrottled, switchToFullQuiz } from './quiz';

let db: Db;
beforeEach(async () => {
	db = await freshTestDatabase();
});

const answers = async () => (await db.select({ n: count() }).from(attemptAnswers))[0]!.n;

describe('saving quiz pages without an account', () => {
	it('counts against the address: past its budget, a save is refused with 429 and stores nothing', async () => {
		const opening = await loadQuizPage({ ownerHash: null, userId: null }, null);
		if (opening.unavailable) throw new Error('no quiz');
		const form = () => {
			const data = new FormData();
			data.set('page', '1');
			data.set('nav', 'next');
			for (const question of opening.questions) data.set(question.field, '4');
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
		expect(await answers()).toBe(opening.questions.length);
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

describe('the adaptive quiz', () => {
	const owner = (hash: string) => ({ ownerHash: hash, userId: null });
	/** Answers each page as a data analyst would, going on until the server gives a result. */
	async function takeQuiz(hash: string) {
		const catalogue = await import('../catalog').then((c) => c.getCatalogue());
		const vector = catalogue.careerBySlug.get('data-analyst')!.vector;
		const pagesSeen: number[] = [];
		for (let turn = 1; turn <= 40; turn += 1) {
			const shown = await loadQuizPage(owner(hash), null);
			if (shown.unavailable) throw new Error('no quiz');
			expect(shown.mode).toBe('adaptive');
			pagesSeen.push(shown.page);
			const form = new FormData();
			form.set('page', String(shown.page));
			form.set('nav', 'next');
			for (const question of shown.questions) {
				const item = catalogue.questionById.get(question.id)!;
				form.set(question.field, String(simulatedAnswer(item, vector)));
			}
			const outcome = await saveQuizPageThrottled(form, () => owner(hash), { ip: `10.9.${turn}.1` });
			if (!outcome.ok) throw new Error(`page ${shown.page} refused`);
			if (outcome.goTo.startsWith('/resultats/')) return { resultId: outcome.goTo.slice(11), pagesSeen };
			expect(outcome.goTo).toBe(`/quiz?page=${shown.page + 1}`);
		}
		throw new Error('the quiz never ended');
	}

	it('asks pages chosen from the answers, twenty questions at most, and says what the result rests on', async () => {
		const { resultId, pagesSeen } = await takeQuiz('adaptive-a');
		expect(pagesSeen).toEqual(pagesSeen.map((_, index) => index + 1));
		expect(pagesSeen.length).toBeLessThanOrEqual(ADAPTIVE.maxItems / ADAPTIVE.pageSize);
		const [result] = await db.select().from(results).where(eq(results.id, resultId));
		expect(result!.ranking.quiz).toMatchObject({ mode: 'adaptive', bank: expect.any(Number) });
		expect(result!.ranking.quiz!.asked).toBeLessThanOrEqual(ADAPTIVE.maxItems);
		expect(result!.ranking.matches.slice(0, 3).map((m) => m.slug)).toContain('data-analyst');
		expect(result!.summary!.asked).toBe(result!.ranking.quiz!.asked);
	});

	it('refuses to go on with a question left blank, and keeps it for going back', async () => {
		const shown = await loadQuizPage(owner('adaptive-b'), null);
		if (shown.unavailable) throw new Error('no quiz');
		const partial = new FormData();
		partial.set('page', '1');
		partial.set('nav', 'next');
		partial.set(shown.questions[0]!.field, '5');
		const refused = await saveQuizPageThrottled(partial, () => owner('adaptive-b'), { ip: '10.9.9.1' });
		expect(refused.ok).toBe(false);
		if (!refused.ok)
			expect(Object.keys(refused.failure.data.errors)).toEqual(shown.questions.slice(1).map((q) => q.field));
		expect(await answers()).toBe(0);
		partial.set('nav', 'prev');
		expect(await saveQuizPageThrottled(partial, () => owner('adaptive-b'), { ip: '10.9.9.1' })).toEqual({
			ok: true,
			goTo: '/quiz?page=1'
		});
		const again = await loadQuizPage(owner('adaptive-b'), null);
		if (again.unavailable) throw new Error('no quiz');
		expect(again.questions.map((q) => q.answer)).toEqual([5, null, null, null]);
	});

	it('« affiner » asks more questions from the answers, adds a result and keeps the first; not while a quiz is open', async () => {
		const first = await takeQuiz('adaptive-c');
		const [before] = await db.select().from(results).where(eq(results.id, first.resultId));
		expect(await refineResult(owner('adaptive-c'), first.resultId)).toMatchObject({
			attemptId: expect.any(String)
		});
		expect(await refineResult(owner('adaptive-c'), first.resultId)).toBe('busy');
		expect(await refineResult(owner('someone-else'), first.resultId)).toBe('not_found');
		// The refinement resumes after the pages already answered.
		const second = await takeQuiz('adaptive-c');
		expect(second.pagesSeen[0]).toBe(first.pagesSeen.length + 1);
		const all = await db.select().from(results);
		expect(all).toHaveLength(2);
		const refined = all.find((r) => r.id !== first.resultId)!;
		expect(refined.ranking.quiz!.asked).toBe(before!.ranking.quiz!.asked + REFINE_MORE);
	});

	it('« répondre à toutes les questions » goes on with the full quiz, answers kept', async () => {
		const shown = await loadQuizPage(owner('adaptive-d'), null);
		if (shown.unavailable) throw new Error('no quiz');
		const form = new FormData();
		form.set('page', '1');
		form.set('nav', 'next');
		for (const question of shown.questions) form.set(question.field, '3');
		await saveQuizPageThrottled(form, () => owner('adaptive-d'), { ip: '10.9.8.1' });
		await switchToFullQuiz(owner('adaptive-d'));
		const full = await loadQuizPage(owner('adaptive-d'), '1');
		if (full.unavailable) throw new Error('no quiz');
		expect(full.mode).toBe('full');
		expect(full.answered).toBe(shown.questions.length);
		expect(await answers()).toBe(shown.questions.length);
	});
});
