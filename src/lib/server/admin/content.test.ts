import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogueOfVersion, forgetCatalogue, getCatalogue } from '../catalog';
import { catalogueFromRecords, loadCatalogueContent, type CatalogueContent } from '../catalog/content';
import type { CareerContent } from '../catalog/content-schema';
import { writeCatalogueContent } from '../catalog/export';
import type { Db } from '../db/client';
import { listCatalogueTrail } from '../db/repositories/audit';
import { importCatalogueIfNewer, readCatalogueVersion } from '../db/repositories/catalogue';
import { createUser } from '../db/repositories/users';
import { freshTestDatabase } from '../test-database';
import {
	discardDraft,
	listRecords,
	publishDrafts,
	recordForEditing,
	retireRecord,
	reviewDrafts,
	rollBack,
	saveDraft,
	versionWithChanges,
	type Editor
} from './content';

let db: Db;
const editor: Editor = { id: 'ed1', identifier: 'redaction.onisep', role: 'editor' };
const content = loadCatalogueContent('content');
const SLUG = 'data-analyst';

beforeEach(async () => {
	db = await freshTestDatabase();
	await createUser(db, {
		id: 'ed1',
		identifier: editor.identifier,
		passwordHash: 'x',
		birthYear: 1985,
		role: 'editor'
	});
});

async function career(slug = SLUG): Promise<CareerContent> {
	return structuredClone((await recordForEditing('career', slug))!.record as CareerContent);
}

/** The stamp of the drafts as a review page shows them. */
async function stamp(): Promise<string> {
	return (await reviewDrafts()).stamp;
}

async function currentNumber(): Promise<number> {
	return (await readCatalogueVersion(db, 'latest'))!.number;
}

describe('drafts', () => {
	it('keeps an edit as a draft: the public catalogue does not change until it is published', async () => {
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		expect(await saveDraft(editor, 'career', SLUG, edited, '')).toEqual({ ok: true, key: SLUG });
		const { rows, drafts } = await listRecords('career', 'data analyst');
		expect(drafts).toBe(1);
		expect(rows.find((row) => row.key === SLUG)?.draft).toBe('edited');
		expect((await getCatalogue()).careerBySlug.get(SLUG)!.profile.salary.junior).not.toBe(36_500);
		expect((await recordForEditing('career', SLUG))!.draft?.author).toBe(editor.identifier);
		expect(await listCatalogueTrail(db, 10)).toMatchObject([
			{ action: 'content_draft_saved', actor: editor.identifier, subject: `career:${SLUG}` }
		]);
		expect(await discardDraft(editor, 'career', SLUG)).toBe(true);
		expect((await listRecords('career')).drafts).toBe(0);
	});

	it('refuses an invalid record field by field, and saves nothing', async () => {
		const edited = await career();
		const outcome = await saveDraft(
			editor,
			'career',
			SLUG,
			{ ...edited, salary: { ...edited.salary, junior: 5 }, hook: '' } as never,
			''
		);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(Object.keys(outcome.errors).sort()).toEqual(['hook', 'salary.junior']);
		expect((await listRecords('career')).drafts).toBe(0);
	});

	it('keeps identifiers: no renaming a published record, no taking another one’s', async () => {
		const edited = await career();
		expect(await saveDraft(editor, 'career', SLUG, { ...edited, slug: 'analyste' }, '')).toMatchObject({
			ok: false,
			errors: { slug: expect.any(String) }
		});
		expect(await saveDraft(editor, 'career', null, edited, '')).toMatchObject({ ok: false, status: 409 });
	});

	it('asks why a career’s vector changes, and keeps the reason with the dimensions that moved', async () => {
		const edited = await career();
		edited.vector.skills.communication = 0.9;
		edited.vector.riasec.S = 0.6;
		const refused = await saveDraft(editor, 'career', SLUG, edited, '');
		expect(refused).toMatchObject({ ok: false, errors: { reason: expect.any(String) } });
		await saveDraft(editor, 'career', SLUG, edited, 'Les offres françaises insistent sur la restitution.');
		const saved = (await recordForEditing('career', SLUG))!.record as CareerContent;
		expect(saved.adjustments.at(-1)).toEqual({
			dimensions: ['S', 'communication'],
			reason: 'Les offres françaises insistent sur la restitution.'
		});
	});
});

describe('publishing', () => {
	it('publishes the drafts as the next version, seen at once, with a field-level diff', async () => {
		const before = await currentNumber();
		const oldHash = (await getCatalogue()).version;
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		edited.hook = 'Faire parler les chiffres pour aider une équipe à décider.';
		await saveDraft(editor, 'career', SLUG, edited, '');
		const review = await reviewDrafts();
		expect(review.problems).toEqual([]);
		expect(review.changes.map((c) => c.field).sort()).toEqual(['hook', 'salary.junior']);

		expect(await publishDrafts(editor, before, await stamp(), 'Salaires 2026')).toEqual({
			ok: true,
			number: before + 1
		});
		const catalogue = await getCatalogue();
		expect(catalogue.number).toBe(before + 1);
		expect(catalogue.careerBySlug.get(SLUG)!.profile.salary.junior).toBe(36_500);
		expect((await listRecords('career')).drafts).toBe(0);
		// A result keeps the catalogue it was computed with.
		expect((await catalogueOfVersion(oldHash)).careerBySlug.get(SLUG)!.hook).not.toBe(edited.hook);
		const version = (await versionWithChanges(before + 1))!;
		expect(version).toMatchObject({ authorName: editor.identifier, note: 'Salaires 2026', source: 'editor' });
		expect(version.changes).toContainEqual({
			kind: 'career',
			key: SLUG,
			field: 'salary.junior',
			before: String(content.careers.find((c) => c.slug === SLUG)!.salary.junior),
			after: '36500'
		});
		expect((await listCatalogueTrail(db, 1))[0]).toMatchObject({
			action: 'content_published',
			subject: `version:${before + 1}`
		});

		// Another process sees it on its next request: its kept catalogue is keyed by the version number.
		forgetCatalogue();
		expect((await getCatalogue()).careerBySlug.get(SLUG)!.profile.salary.junior).toBe(36_500);
	});

	it('refuses a publication that breaks a content check, says why, and changes nothing', async () => {
		const before = await currentNumber();
		const edited = await career();
		edited.hook = 'Un métier où les chiffres parlent.';
		await saveDraft(editor, 'career', SLUG, edited, '');
		// Retiring a short path of a career that has just two.
		const shortPaths = (slug: string) =>
			content.trainings.filter((t) => t.track === 'court' && t.careers.includes(slug));
		const thin = content.careers.find((c) => shortPaths(c.slug).length === 2)!;
		expect(await retireRecord(editor, 'training', shortPaths(thin.slug)[0]!.slug)).toBe(true);

		const outcome = await publishDrafts(editor, before, await stamp(), '');
		expect(outcome).toMatchObject({ ok: false, reason: 'problems' });
		const problems = outcome.ok ? [] : outcome.problems;
		expect(problems).toContainEqual({
			file: `careers/${SLUG}.json`,
			field: 'hook',
			problem: expect.stringContaining('infinitif')
		});
		expect(problems).toContainEqual({
			file: `careers/${thin.slug}.json`,
			problem: 'une seule formation courte y mène, il en faut au moins deux'
		});
		expect(await currentNumber()).toBe(before);
		expect((await listRecords('career')).drafts).toBe(2);
	});

	it('refuses a record that points nowhere, naming the field', async () => {
		const edited = await career();
		edited.similar = ['astronaute', ...edited.similar.slice(1)];
		await saveDraft(editor, 'career', SLUG, edited, '');
		const outcome = await publishDrafts(editor, await currentNumber(), await stamp(), '');
		expect(outcome.ok ? '' : outcome.problems[0]!.problem).toMatch(
			/careers\/data-analyst\.json: field "similar\.0": "astronaute" is not another career/
		);
	});

	it('refuses a vector the quiz cannot tell from another career’s, and shows how rankings move', async () => {
		const edited = await career();
		const twin = content.careers.find((c) => c.slug === 'data-scientist')!;
		edited.vector = structuredClone(twin.vector);
		await saveDraft(editor, 'career', SLUG, edited, 'Rapproché du data scientist, pour essai.');
		const review = await reviewDrafts();
		expect(review.problems.some((p) => p.file === `careers/${SLUG}.json` && p.field === 'vector')).toBe(true);
		expect(review.moves.length).toBeGreaterThan(0);
	});

	it('publishes nothing over a version it did not see', async () => {
		const before = await currentNumber();
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		await saveDraft(editor, 'career', SLUG, edited, '');
		expect(await publishDrafts(editor, before - 1, await stamp(), '')).toMatchObject({
			ok: false,
			reason: 'stale'
		});
		expect(await currentNumber()).toBe(before);
	});

	it('rolls back to any version as a new version, with the same content hash', async () => {
		const first = await currentNumber();
		const firstHash = (await getCatalogue()).version;
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		await saveDraft(editor, 'career', SLUG, edited, '');
		await publishDrafts(editor, first, await stamp(), '');
		expect(await rollBack(editor, first, first + 1)).toEqual({ ok: true, number: first + 2 });
		const catalogue = await getCatalogue();
		expect(catalogue.version).toBe(firstHash);
		expect(catalogue.careerBySlug.get(SLUG)!.profile.salary.junior).toBe(
			content.careers.find((c) => c.slug === SLUG)!.salary.junior
		);
		expect(await versionWithChanges(first + 2)).toMatchObject({ source: 'rollback', note: String(first) });
		expect(await rollBack(editor, 999, first + 2)).toMatchObject({ ok: false, reason: 'not_found' });
		expect(await rollBack(editor, first + 2, first + 2)).toMatchObject({ ok: false, reason: 'current' });
	});
});

describe('two editors at once', () => {
	const other: Editor = { id: 'ed2', identifier: 'redaction.region', role: 'admin' };
	beforeEach(async () => {
		await createUser(db, {
			id: 'ed2',
			identifier: other.identifier,
			passwordHash: 'x',
			birthYear: 1980,
			role: 'admin'
		});
	});

	it('refuses a save over a draft another editor saved since the form was opened', async () => {
		const opened = (await recordForEditing('career', SLUG))!;
		expect(opened.stamp).toBe('published');
		const theirs = await career();
		theirs.salary = { ...theirs.salary, junior: 36_000 };
		await saveDraft(other, 'career', SLUG, theirs, '', opened.stamp);
		const mine = structuredClone(opened.record) as CareerContent;
		mine.salary = { ...mine.salary, junior: 39_000 };
		expect(await saveDraft(editor, 'career', SLUG, mine, '', opened.stamp)).toMatchObject({
			ok: false,
			status: 409
		});
		expect(((await recordForEditing('career', SLUG))!.record as CareerContent).salary.junior).toBe(36_000);
	});

	it('publishes only the drafts reviewed: one saved after the review refuses the publication and stays', async () => {
		const before = await currentNumber();
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		await saveDraft(editor, 'career', SLUG, edited, '');
		const reviewed = await stamp();
		const pentester = await career('pentester');
		pentester.salary = { ...pentester.salary, junior: pentester.salary.junior + 1_000 };
		await saveDraft(other, 'career', 'pentester', pentester, '');
		expect(await publishDrafts(editor, before, reviewed, '')).toMatchObject({ ok: false, reason: 'changed' });
		expect(await currentNumber()).toBe(before);
		expect((await listRecords('career')).drafts).toBe(2);
	});

	it('does not roll back while drafts wait, and takes no reserved key', async () => {
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		await saveDraft(editor, 'career', SLUG, edited, '');
		await publishDrafts(editor, await currentNumber(), await stamp(), '');
		const now = await currentNumber();
		const pentester = await career('pentester');
		pentester.salary = { ...pentester.salary, junior: pentester.salary.junior + 1_000 };
		await saveDraft(other, 'career', 'pentester', pentester, '');
		expect(await rollBack(editor, now - 1, now)).toMatchObject({ ok: false, reason: 'drafts' });
		expect(await currentNumber()).toBe(now);
		const source = (await recordForEditing('source', content.sources[0]!.id))!.record as Record<
			string,
			unknown
		>;
		expect(await saveDraft(editor, 'source', null, { ...source, id: 'nouveau' }, '')).toMatchObject({
			ok: false,
			status: 409
		});
	});
});

describe('where the truth lives', () => {
	it('never lets content/ of the same number overwrite what editors published', async () => {
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		await saveDraft(editor, 'career', SLUG, edited, '');
		const { number } = (await publishDrafts(editor, await currentNumber(), await stamp(), '')) as {
			number: number;
		};
		expect(await importCatalogueIfNewer(db, { ...content, number })).toMatchObject({ imported: false });
		expect((await getCatalogue()).careerBySlug.get(SLUG)!.profile.salary.junior).toBe(36_500);
	});

	it('exports the published catalogue to content/’s format: a fresh database from it holds the same catalogue', async () => {
		const edited = await career();
		edited.salary = { ...edited.salary, junior: 36_500 };
		await saveDraft(editor, 'career', SLUG, edited, 'unused');
		await publishDrafts(editor, await currentNumber(), await stamp(), '');
		const published = (await readCatalogueVersion(db, 'latest'))!;
		const exported: CatalogueContent = catalogueFromRecords(published.number, published.records);
		expect(exported.version).toBe(published.hash);

		const dir = mkdtempSync(join(tmpdir(), 'boussole-export-'));
		try {
			writeCatalogueContent(exported, dir);
			const reloaded = loadCatalogueContent(dir);
			expect(reloaded.version).toBe(published.hash);
			expect(reloaded.number).toBe(published.number);
			expect(reloaded.careers.find((c) => c.slug === SLUG)!.salary.junior).toBe(36_500);

			// A fresh database seeded from the export.
			const fresh = await freshTestDatabase();
			await importCatalogueIfNewer(fresh, reloaded);
			expect((await getCatalogue()).version).toBe(published.hash);
			expect((await readCatalogueVersion(fresh, 'latest'))!.hash).toBe(published.hash);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
