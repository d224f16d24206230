import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readdirSync } from 'node:fs';

const DIMENSIONS = {
	riasec: ['R', 'I', 'A', 'S', 'E', 'C'],
	skills: [
		'programming',
		'data_analysis',
		'math',
		'visual_design',
		'communication',
		'writing',
		'project_management',
		'security',
		'networks_infrastructure',
		'customer_relations',
		'business_strategy',
		'marketing',
		'teaching',
		'hardware',
		'creativity',
		'rigor_detail',
		'teamwork',
		'autonomy',
		'problem_solving',
		'user_empathy'
	]
};

/** The catalogue the server imported: one file per career in content/careers. */
const CAREER_COUNT = readdirSync('content/careers').filter((name) => name.endsWith('.json')).length;

async function match(request: APIRequestContext, data: unknown) {
	return request.post('/api/v1/match', { data: data as object });
}

test.describe('open API v1', () => {
	test('lists the careers, and gives each with its full vector', async ({ request }) => {
		const list = await request.get('/api/v1/careers');
		expect(list.status()).toBe(200);
		expect(list.headers()['access-control-allow-origin']).toBe('*');
		const careers = await list.json();
		expect(careers).toHaveLength(CAREER_COUNT);
		for (const career of careers) {
			expect(Object.keys(career).sort()).toEqual([
				'entryLevel',
				'family',
				'familyName',
				'hook',
				'slug',
				'title'
			]);
			expect(['cap', 'bac', 'bac+2', 'bac+3', 'bac+5']).toContain(career.entryLevel);
		}

		const detail = await (await request.get('/api/v1/careers/developpeur-back-end')).json();
		expect(detail.slug).toBe('developpeur-back-end');
		expect(Object.keys(detail.vector.riasec)).toEqual(DIMENSIONS.riasec);
		expect(Object.keys(detail.vector.skills)).toEqual(DIMENSIONS.skills);
		for (const value of [...Object.values(detail.vector.riasec), ...Object.values(detail.vector.skills)]) {
			expect(value).toBeGreaterThanOrEqual(0);
			expect(value).toBeLessThanOrEqual(1);
		}
	});

	test('answers 404 in JSON for an unknown career', async ({ request }) => {
		const response = await request.get('/api/v1/careers/astronaute');
		expect(response.status()).toBe(404);
		expect(response.headers()['content-type']).toContain('application/json');
		expect((await response.json()).error.code).toBe('not_found');
	});

	test('publishes the questions with their loadings', async ({ request }) => {
		const questions = await (await request.get('/api/v1/questions')).json();
		expect(questions.length).toBeGreaterThanOrEqual(48);
		for (const question of questions) {
			expect(typeof question.text).toBe('string');
			for (const [dimension, weight] of Object.entries(question.loadings)) {
				expect([...DIMENSIONS.riasec, ...DIMENSIONS.skills]).toContain(dimension);
				expect(Math.abs(weight as number)).toBeLessThanOrEqual(1);
			}
		}
	});

	// That nothing is stored is proven in src/routes/api/v1/match/match.test.ts, on a database of its own:
	// here other tests write to the shared one at the same time.
	test('ranks every career for answers, and for a partial profile, without a cookie', async ({ request }) => {
		const questions = await (await request.get('/api/v1/questions')).json();
		const answers = Object.fromEntries(questions.map((q: { id: string }, i: number) => [q.id, (i % 5) + 1]));
		const byAnswers = await match(request, { answers });
		expect(byAnswers.status()).toBe(200);
		expect(byAnswers.headers()['set-cookie']).toBeUndefined();
		const ranked = await byAnswers.json();
		expect(ranked.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
		expect(ranked.catalogueVersion).toMatch(/^[0-9a-f]{12}$/);
		expect(ranked.matches).toHaveLength(CAREER_COUNT);
		expect(new Set(ranked.matches.map((m: { slug: string }) => m.slug)).size).toBe(CAREER_COUNT);
		const scores = ranked.matches.map((m: { score: number }) => m.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		for (const m of ranked.matches) {
			expect(Object.keys(m)).toEqual(
				expect.arrayContaining(['slug', 'title', 'score', 'band', 'drivers', 'gaps'])
			);
		}

		const artist = await (
			await match(request, {
				profile: {
					riasec: { R: 0.1, I: 0.3, A: 1, S: 0.4, E: 0.3, C: 0.1 },
					skills: { visual_design: 1, creativity: 1 }
				}
			})
		).json();
		expect(artist.profile.values.programming).toBeNull();
		// The catalogue has several creative careers: the top one is among them, and the graphic designer is near.
		const careers: { slug: string; family: string }[] = await (await request.get('/api/v1/careers')).json();
		const family = new Map(careers.map((c) => [c.slug, c.family]));
		expect(['design-ux', 'creation-numerique']).toContain(family.get(artist.matches[0].slug));
		const top = artist.matches.slice(0, 3).map((m: { slug: string }) => m.slug);
		expect(top).toContain('graphiste-webdesigner');
	});

	test('refuses bad input with a 400 naming the field', async ({ request }) => {
		const cases: [unknown, string][] = [
			[{}, 'answers'],
			[{ answers: { 'pas-une-question': 3 } }, 'answers.pas-une-question'],
			[{ answers: { 'r-demonter-appareil': 7 } }, 'answers.r-demonter-appareil'],
			[{ answers: { 'r-demonter-appareil': 'beaucoup' } }, 'answers.r-demonter-appareil'],
			[{ profile: { riasec: { Z: 0.4 } } }, 'profile.riasec.Z'],
			[{ profile: { skills: { programming: 2 } } }, 'profile.skills.programming'],
			[[1, 2, 3], '']
		];
		const questions = await (await request.get('/api/v1/questions')).json();
		expect(questions.map((q: { id: string }) => q.id)).toContain('r-demonter-appareil');
		for (const [body, field] of cases) {
			const response = await match(request, body);
			expect(response.status(), JSON.stringify(body)).toBe(400);
			const { error } = await response.json();
			expect(error.code).toBe('invalid_input');
			expect(error.field).toBe(field);
		}
	});

	test('refuses an empty body, broken JSON, and an oversized body', async ({ request }) => {
		const empty = await request.post('/api/v1/match', {
			headers: { 'content-type': 'application/json' },
			data: Buffer.alloc(0)
		});
		expect(empty.status()).toBe(400);
		expect((await empty.json()).error.code).toBe('empty_body');

		const broken = await request.post('/api/v1/match', {
			headers: { 'content-type': 'application/json' },
			data: Buffer.from('{"answers":')
		});
		expect(broken.status()).toBe(400);
		expect((await broken.json()).error.code).toBe('invalid_json');

		const huge = await request.post('/api/v1/match', {
			headers: { 'content-type': 'application/json' },
			data: Buffer.from(JSON.stringify({ answers: { pad: 'x'.repeat(100_000) } }))
		});
		expect(huge.status()).toBe(413);
		expect((await huge.json()).error.code).toBe('payload_too_large');
	});

	test('runs the adaptive quiz for any client: the next question from the answers, then done', async ({
		request
	}) => {
		const next = (answers: Record<string, number>) =>
			request.post('/api/v1/quiz/next', { data: { answers } });
		const answers: Record<string, number> = {};
		const first = await (await next({})).json();
		expect(first).toMatchObject({ done: false, asked: 0 });
		expect(first.next.id).toBe(first.page[0].id);
		expect(first.page.length).toBeGreaterThan(0);
		// Stateless: the same answers give the same question.
		expect((await (await next({})).json()).page).toEqual(first.page);
		let step = first;
		for (let turn = 0; turn < 10 && !step.done; turn += 1) {
			for (const question of step.page) answers[question.id] = 5 - (Object.keys(answers).length % 5);
			step = await (await next(answers)).json();
			expect(step.asked).toBe(Object.keys(answers).length);
			expect(step.matches).toHaveLength(5);
		}
		expect(step).toMatchObject({ done: true, next: null, page: [] });
		expect(step.asked).toBeLessThanOrEqual(20);
		const refused = await next({ 'pas-une-question': 3 });
		expect(refused.status()).toBe(400);
		expect((await refused.json()).error.field).toBe('answers.pas-une-question');
	});

	test('is described by an OpenAPI 3.1 document', async ({ request }) => {
		const doc = await (await request.get('/api/v1/openapi.json')).json();
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths).sort()).toEqual([
			'/careers',
			'/careers/{slug}',
			'/match',
			'/questions',
			'/quiz/next',
			'/trainings',
			'/trainings/{slug}'
		]);
		expect(doc.paths['/match'].post.responses).toHaveProperty('413');
	});
});

test('pages carry the security headers', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	// Hashes of SvelteKit's own inline scripts, not a nonce: a public page rendered once is served again as it was.
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;| )/);
	const html = await response.text();
	const inline = [
		...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)
	];
	expect(inline.length).toBeGreaterThan(0);
	for (const [, code] of inline) {
		const hash = createHash('sha256').update(code!).digest('base64');
		expect(headers['content-security-policy']).toContain(`'sha256-${hash}'`);
	}
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('a cross-origin form post is refused', async ({ request }) => {
	const response = await request.post('/quiz?/save', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'page=1&nav=next'
	});
	expect(response.status()).toBe(403);
});
