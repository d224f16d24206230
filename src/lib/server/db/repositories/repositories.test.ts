import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogueContent } from '../../catalog/content';
import { generateId } from '../../ids';
import { migrateDatabase, openDatabase, type Db } from '../client';
import { attemptAnswers, careerVectors, careers, questions, results } from '../schema';
import { finishAttempt, findOpenAttempt, readAnswers, saveAnswers } from './attempts';
import { readCatalogue, seedCatalogue } from './catalogue';
import { findResultForOwner } from './results';

const content = loadCatalogueContent('content');
const anonymous = (ownerHash: string) => ({ ownerHash, userId: null });
let db: Db;

beforeEach(() => {
	db = openDatabase(':memory:').db;
	migrateDatabase(db);
	seedCatalogue(db, content);
});

const rows = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()!.n;

describe('seedCatalogue', () => {
	it('loads the whole catalogue, and is idempotent', () => {
		expect(rows(careers)).toBe(content.careers.length);
		expect(rows(careerVectors)).toBe(content.careers.length * 26);
		expect(seedCatalogue(db, content)).toEqual({ changed: false });
		expect(seedCatalogue(db, { ...content, version: 'changed' })).toEqual({ changed: true });
		expect(rows(careers)).toBe(content.careers.length);
		expect(rows(careerVectors)).toBe(content.careers.length * 26);
		expect(rows(questions)).toBe(content.questions.length);
	});

	it('reads back what was seeded, in quiz order', () => {
		const catalogue = readCatalogue(db);
		expect(catalogue.version).toBe(content.version);
		expect(catalogue.questions.map((q) => q.id)).toEqual(content.questions.map((q) => q.id));
		const pentester = content.careers.find((c) => c.slug === 'pentester')!;
		expect(catalogue.careerBySlug.get('pentester')!.vector).toEqual(pentester.vector);
	});

	it('retires a question that left the content instead of deleting its answers', () => {
		const first = content.questions[0]!.id;
		saveAnswers(db, anonymous('owner'), { [first]: 4 }, generateId);
		seedCatalogue(db, { ...content, version: 'next', questions: content.questions.slice(1) });
		expect(readCatalogue(db).questionById.has(first)).toBe(false);
		expect(rows(attemptAnswers)).toBe(1);
	});
});

describe('quiz attempts', () => {
	const [q1, q2] = content.questions.map((q) => q.id);

	it('creates one open attempt per owner and updates answers in place', () => {
		const id = saveAnswers(db, anonymous('owner-a'), { [q1!]: 2 }, generateId);
		expect(saveAnswers(db, anonymous('owner-a'), { [q1!]: 5, [q2!]: 3 }, generateId)).toBe(id);
		expect(readAnswers(db, id)).toEqual({ [q1!]: 5, [q2!]: 3 });
		expect(findOpenAttempt(db, anonymous('owner-b'))).toBeNull();
	});

	it('finishes once: a second submission returns the first result', () => {
		const attemptId = saveAnswers(db, anonymous('owner'), { [q1!]: 4 }, generateId);
		const compute = (answers: Record<string, number>) => ({
			engineVersion: 'test',
			catalogueVersion: 'v',
			ranking: { answers },
			summary: null
		});
		const resultId = finishAttempt(db, attemptId, compute, generateId);
		expect(finishAttempt(db, attemptId, compute, generateId)).toBe(resultId);
		expect(rows(results)).toBe(1);
		expect(findOpenAttempt(db, anonymous('owner'))).toBeNull();
		// The next answers start a new attempt; the finished one is never written into again.
		expect(saveAnswers(db, anonymous('owner'), { [q1!]: 1 }, generateId)).not.toBe(attemptId);
		expect(readAnswers(db, attemptId)).toEqual({ [q1!]: 4 });
	});

	it('shows a result to its owner only', () => {
		const attemptId = saveAnswers(db, anonymous('owner'), { [q1!]: 4 }, generateId);
		const resultId = finishAttempt(
			db,
			attemptId,
			() => ({ engineVersion: 'e', catalogueVersion: 'c', ranking: { matches: [] }, summary: null }),
			generateId
		);
		expect(findResultForOwner(db, resultId, anonymous('owner'))?.id).toBe(resultId);
		expect(findResultForOwner(db, resultId, anonymous('someone-else'))).toBeNull();
		expect(findResultForOwner(db, 'unknown', anonymous('owner'))).toBeNull();
	});
});
