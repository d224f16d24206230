import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { attemptAnswers, careers, quizAttempts, results, sessions, users } from '$lib/server/db/schema';
import { freshTestDatabase } from '$lib/server/test-database';
import { POST } from './+server';

let db: Db;

async function rowCounts() {
	return Promise.all(
		[quizAttempts, attemptAnswers, results, users, sessions].map(
			async (table) => (await db.select({ n: count() }).from(table))[0]!.n
		)
	);
}

beforeAll(async () => {
	db = await freshTestDatabase();
});

describe('POST /api/v1/match', () => {
	it('ranks without storing anything or setting a cookie', async () => {
		const before = await rowCounts();
		const request = new Request('http://test/api/v1/match', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ profile: { riasec: { R: 0.1, I: 0.9, A: 0.2, S: 0.1, E: 0.2, C: 0.8 } } })
		});
		const response = await POST({ request } as Parameters<typeof POST>[0]);
		expect(response.status).toBe(200);
		const careerCount = (await db.select({ n: count() }).from(careers))[0]!.n;
		expect((await response.json()).matches).toHaveLength(careerCount);
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(await rowCounts()).toEqual(before);
	});
});
