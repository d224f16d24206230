import { describe, expect, it } from 'vitest';
import { readJsonBody } from './body';
import { parseMatchInput } from './match-input';

const known = new Set(['q-one', 'q-two']);

describe('parseMatchInput', () => {
	it.each([
		[null, ''],
		[[1, 2], ''],
		['text', ''],
		[{}, 'answers'],
		[{ answers: { 'q-one': 3 }, profile: {} }, 'profile'],
		[{ answers: { 'q-one': 3 }, extra: 1 }, 'extra'],
		[{ answers: [] }, 'answers'],
		[{ answers: {} }, 'answers'],
		[{ answers: { 'q-nope': 3 } }, 'answers.q-nope'],
		[{ answers: { 'q-one': 6 } }, 'answers.q-one'],
		[{ answers: { 'q-one': 0 } }, 'answers.q-one'],
		[{ answers: { 'q-one': 2.5 } }, 'answers.q-one'],
		[{ answers: { 'q-one': '3' } }, 'answers.q-one'],
		[{ profile: { riasec: { X: 0.5 } } }, 'profile.riasec.X'],
		[{ profile: { skills: { cooking: 0.5 } } }, 'profile.skills.cooking'],
		[{ profile: { skills: { programming: 1.2 } } }, 'profile.skills.programming'],
		[{ profile: { riasec: { R: -0.1 } } }, 'profile.riasec.R'],
		[{ profile: { riasec: { R: 'high' } } }, 'profile.riasec.R'],
		[{ profile: { interests: {} } }, 'profile.interests'],
		[{ profile: {} }, 'profile']
	])('refuses %j, naming the field "%s"', (body, field) => {
		const parsed = parseMatchInput(body, known);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.field).toBe(field);
			expect(parsed.message.length).toBeGreaterThan(5);
		}
	});

	it('accepts answers, and a partial profile with the rest unknown', () => {
		expect(parseMatchInput({ answers: { 'q-one': 1, 'q-two': 5 } }, known)).toEqual({
			ok: true,
			input: { kind: 'answers', answers: { 'q-one': 1, 'q-two': 5 } }
		});
		const parsed = parseMatchInput({ profile: { riasec: { R: 0.2 }, skills: { programming: 1 } } }, known);
		expect(parsed.ok).toBe(true);
		if (parsed.ok && parsed.input.kind === 'profile') {
			expect(parsed.input.profile.values.R).toBe(0.2);
			expect(parsed.input.profile.values.I).toBeNull();
			expect(parsed.input.profile.confidence.programming).toBe(1);
		}
	});
});

describe('readJsonBody', () => {
	const post = (
		body: BodyInit | null,
		headers: Record<string, string> = { 'content-type': 'application/json' }
	) => new Request('http://test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

	it('parses JSON', async () => {
		expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
	});

	it.each([
		['an empty body', post(''), 400],
		['bad JSON', post('{"a":'), 400],
		['another media type', post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
		['an oversized body', post(JSON.stringify({ pad: 'x'.repeat(20_000) })), 413]
	])('refuses %s', async (_, request, status) => {
		const body = await readJsonBody(request);
		expect(body.ok).toBe(false);
		if (!body.ok) expect(body.response.status).toBe(status);
	});

	it('cuts a stream that lies about its size', async () => {
		const chunk = new TextEncoder().encode('x'.repeat(4096));
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				sent += 1;
				if (sent > 100) controller.close();
				else controller.enqueue(chunk);
			}
		});
		const body = await readJsonBody(
			post(stream, { 'content-type': 'application/json', 'content-length': '10' })
		);
		expect(body.ok).toBe(false);
		if (!body.ok) expect(body.response.status).toBe(413);
		expect(sent).toBeLessThan(10);
	});
});
