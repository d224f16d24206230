import { count } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'boussole-api-'));
process.env.DATABASE_URL = join(dir, 'api.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { getDb } = await import('$lib/server/db');
const { attemptAnswers, quizAttempts, results, sessions, users } = await import('$lib/server/db/schema');
const { prepareDatabase } = await import('$lib/server/startup');
const { POST } = await import('./+server');

async function rowCounts() {
	const db = getDb();
	return Promise.all(
		[quizAttempts, attemptAnswers, results, users, sessions].map(
			async (table) => (await db.select({ n: count() }).from(table))[0]!.n
		)
	);
}

beforeAll(async () => {
	await prepareDatabase(getDb());
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
		expect((await response.json()).matches).toHaveLength(31);
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(await rowCounts()).toEqual(before);
	});
});
