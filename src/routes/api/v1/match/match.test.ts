import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'boussole-api-'));
process.env.DATABASE_URL = join(dir, 'api.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { getDb } = await import('$lib/server/db');
const { prepareDatabase } = await import('$lib/server/startup');
const { POST } = await import('./+server');

function rowCounts() {
	return ['quiz_attempts', 'attempt_answers', 'results', 'users', 'sessions'].map(
		(table) => getDb().get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)).n
	);
}

beforeAll(() => {
	prepareDatabase(getDb());
});

describe('POST /api/v1/match', () => {
	it('ranks without storing anything or setting a cookie', async () => {
		const before = rowCounts();
		const request = new Request('http://test/api/v1/match', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ profile: { riasec: { R: 0.1, I: 0.9, A: 0.2, S: 0.1, E: 0.2, C: 0.8 } } })
		});
		const response = await POST({ request } as Parameters<typeof POST>[0]);
		expect(response.status).toBe(200);
		expect((await response.json()).matches).toHaveLength(31);
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(rowCounts()).toEqual(before);
	});
});
