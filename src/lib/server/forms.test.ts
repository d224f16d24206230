import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineForm, postedForm, readForm, text } from './forms';

const noteForm = defineForm(z.object({ body: text(50).min(1) }));

const post = (body: BodyInit, type: string) =>
	new Request('http://localhost/', { method: 'POST', body, headers: { 'content-type': type } });

describe('forms', () => {
	it('read text as typed: trimmed, NFC, line breaks and tabs kept', async () => {
		const read = await readForm(
			post('body=%20e%CC%81t%C3%A9%0A%09fin%20', 'application/x-www-form-urlencoded'),
			noteForm
		);
		expect(read.ok && read.data.body).toBe('été\n\tfin');
	});

	it('refuse control characters and the marks of undecodable bytes, changing nothing', () => {
		for (const typed of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'caf\uFFFD'])
			expect(text(50).safeParse(typed).success, JSON.stringify(typed)).toBe(false);
	});

	it('treat a body that is not a form as an empty form, never an error', async () => {
		for (const request of [
			post('body=x', 'text/plain'),
			post('--x\r\nbroken', 'multipart/form-data; boundary=y'),
			post('{"body":"x"}', 'application/json')
		]) {
			const again = request.clone();
			expect([...(await postedForm(request)).keys()]).toEqual([]);
			expect((await readForm(again, noteForm)).ok).toBe(false);
		}
	});
});
