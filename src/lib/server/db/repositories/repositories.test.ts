import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogueContent } from '../../catalog/content';
import { generateId } from '../../ids';
import type { Db } from '../client';
import { freshTestDatabase } from '../../test-database';
import { attemptAnswers, careerVectors, careers, questions, results } from '../schema';
import { finishAttempt, findOpenAttempt, readAnswers, saveAnswers, type NewResult } from './attempts';
import { importCatalogueIfNewer, readCatalogue } from './catalogue';
import { findResultForOwner } from './results';

const content = loadCatalogueContent('content');
const anonymous = (ownerHash: string) => ({ ownerHash, userId: null });
let db: Db;

beforeEach(async () => {
	db = await freshTestDatabase();
});

const rows = async (table: SQLiteTable) => (await db.select({ n: count() }).from(table))[0]!.n;

describe('importing the catalogue', () => {
	it('loads the whole catalogue; a newer number is imported, an equal or older one never', async () => {
		expect(await rows(careers)).toBe(content.careers.length);
		expect(await rows(careerVectors)).toBe(content.careers.length * 26);
		const { number } = content;
		expect(await importCatalogueIfNewer(db, content)).toEqual({ imported: false, number, reason: 'same' });
		expect(await importCatalogueIfNewer(db, { ...content, number: number + 1, version: 'changed' })).toEqual({
			imported: true,
			number: number + 1
		});
		expect(await importCatalogueIfNewer(db, { ...content, version: 'edited' })).toEqual({
			imported: false,
			number: number + 1,
			reason: 'older'
		});
		expect((await readCatalogue(db))!.version).toBe('changed');
		expect(await rows(careers)).toBe(content.careers.length);
		expect(await rows(careerVectors)).toBe(content.careers.length * 26);
		expect(await rows(questions)).toBe(content.questions.length);
	});

	it('reads back what was seeded, in quiz order', async () => {
		const catalogue = (await readCatalogue(db))!;
		expect(catalogue.version).toBe(content.version);
		expect(catalogue.questions.map((q) => q.id)).toEqual(content.questions.map((q) => q.id));
		const pentester = content.careers.find((c) => c.slug === 'pentester')!;
		expect(catalogue.careerBySlug.get('pentester')!.vector).toEqual(pentester.vector);
	});

	it('retires a question that left the content instead of deleting its answers', async () => {
		const first = content.questions[0]!.id;
		await saveAnswers(db, anonymous('owner'), { [first]: 4 }, generateId);
		await importCatalogueIfNewer(db, {
			...content,
			number: content.number + 1,
			version: 'next',
			questions: content.questions.slice(1)
		});
		expect((await readCatalogue(db))!.questionById.has(first)).toBe(false);
		expect(await rows(attemptAnswers)).toBe(1);
	});
});

describe('quiz attempts', () => {
	const [q1, q2] = content.questions.map((q) => q.id);

	it('creates one open attempt per owner and updates answers in place', async () => {
		const id = await saveAnswers(db, anonymous('owner-a'), { [q1!]: 2 }, generateId);
		expect(await saveAnswers(db, anonymous('owner-a'), { [q1!]: 5, [q2!]: 3 }, generateId)).toBe(id);
		expect(await readAnswers(db, id)).toEqual({ [q1!]: 5, [q2!]: 3 });
		expect(await findOpenAttempt(db, anonymous('owner-b'))).toBeNull();
	});

	it('finishes once: a second submission returns the first result', async () => {
		const attemptId = await saveAnswers(db, anonymous('owner'), { [q1!]: 4 }, generateId);
		const compute = (answers: Record<string, number>) =>
			({
				engineVersion: 'test',
				catalogueVersion: 'v',
				ranking: { answers },
				summary: null
			}) as unknown as NewResult;
		const resultId = await finishAttempt(db, attemptId, compute, generateId);
		expect(await finishAttempt(db, attemptId, compute, generateId)).toBe(resultId);
		expect(await rows(results)).toBe(1);
		expect(await findOpenAttempt(db, anonymous('owner'))).toBeNull();
		// The next answers start a new attempt; the finished one is never written into again.
		expect(await saveAnswers(db, anonymous('owner'), { [q1!]: 1 }, generateId)).not.toBe(attemptId);
		expect(await readAnswers(db, attemptId)).toEqual({ [q1!]: 4 });
	});

	it('shows a result to its owner only', async () => {
		const attemptId = await saveAnswers(db, anonymous('owner'), { [q1!]: 4 }, generateId);
		const resultId = await finishAttempt(
			db,
			attemptId,
			() =>
				({
					engineVersion: 'e',
					catalogueVersion: 'c',
					ranking: { matches: [] },
					summary: null
				}) as unknown as NewResult,
			generateId
		);
		expect((await findResultForOwner(db, resultId, anonymous('owner')))?.id).toBe(resultId);
		expect(await findResultForOwner(db, resultId, anonymous('someone-else'))).toBeNull();
		expect(await findResultForOwner(db, 'unknown', anonymous('owner'))).toBeNull();
	});
});
