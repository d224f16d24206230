import { m } from '$lib/paraglide/messages';
import { computeProfile, prepareCareers, rankCareers, simulatedAnswers } from '$lib/engine';
import { RIASEC_IDS, SKILL_IDS, type DimensionId, type RiasecId } from '$lib/engine/dimensions';
import { buildCatalogue } from '../catalog/build';
import { catalogueProblems, readOnetInterests, type CatalogueProblem } from '../catalog/checks';
import {
	catalogueFromRecords,
	checkRecord,
	ContentError,
	keyOf,
	RECORD_LISTS,
	type CatalogueRecords,
	type RecordKind
} from '../catalog/content';
import type { CareerContent } from '../catalog/content-schema';
import type { Catalogue } from '../catalog/types';
import { getDb } from '../db';
import { listCatalogueTrail, insertAudit } from '../db/repositories/audit';
import {
	clearDrafts,
	deleteDraft,
	listDrafts,
	putDraft,
	type Draft
} from '../db/repositories/catalogue-drafts';
import {
	listCatalogueVersions,
	publishVersion,
	readCatalogueVersion,
	type StoredVersion
} from '../db/repositories/catalogue';
import type { User } from '../db/repositories/users';

/**
 * `/admin/contenu`: editors keep the catalogue. An edit is a draft (one per record, shared by the editors);
 * the drafts are previewed on the real public pages, then published together as a new catalogue version —
 * after every check the test suite runs on `content/` — in one transaction. Any version can be made current
 * again (a rollback is a new version). Every action is in the audit log.
 */

export type Editor = Pick<User, 'id' | 'identifier'> & { role: 'editor' | 'admin' };

export type DraftState = 'new' | 'edited' | 'retired';

export interface RecordRow {
	key: string;
	label: string;
	draft: DraftState | null;
}

/** How a record is named in lists: its title, name or text. */
function labelOf(kind: RecordKind, record: unknown): string {
	const r = record as Record<string, unknown>;
	switch (kind) {
		case 'career':
			return String(r.title);
		case 'training':
		case 'source':
			return String(r.name);
		case 'question':
			return String((r.text as { fr: string }).fr);
		case 'family':
			return String((r.name as { fr: string }).fr);
	}
}

async function latest(): Promise<StoredVersion> {
	const version = await readCatalogueVersion(getDb(), 'latest');
	if (!version) throw new Error('the database holds no catalogue: run `npm run db:migrate`');
	return version;
}

function listOf(records: CatalogueRecords, kind: RecordKind): unknown[] {
	return records[RECORD_LISTS[kind].list];
}

/** The published records with the drafts laid over them: what the next version would hold. */
export function withDrafts(records: CatalogueRecords, drafts: readonly Draft[]): CatalogueRecords {
	const next = { ...records };
	for (const kind of Object.keys(RECORD_LISTS) as RecordKind[]) {
		const mine = drafts.filter((draft) => draft.kind === kind);
		if (mine.length === 0) continue;
		const byKey = new Map(mine.map((draft) => [draft.key, draft]));
		const list = listOf(records, kind).flatMap((record) => {
			const draft = byKey.get(keyOf(kind, record));
			if (!draft) return [record];
			return draft.record === null ? [] : [draft.record];
		});
		const existing = new Set(listOf(records, kind).map((record) => keyOf(kind, record)));
		for (const draft of mine) if (!existing.has(draft.key) && draft.record !== null) list.push(draft.record);
		(next as Record<string, unknown[]>)[RECORD_LISTS[kind].list] = list;
	}
	return next;
}

function stateOf(draft: Draft | undefined, published: boolean): DraftState | null {
	if (!draft) return null;
	return draft.record === null ? 'retired' : published ? 'edited' : 'new';
}

/** The records of a kind, published and new, with their draft state; filtered by a few words (`q`). */
export async function listRecords(kind: RecordKind, q = '') {
	const [version, drafts] = await Promise.all([latest(), listDrafts(getDb())]);
	const mine = new Map(drafts.filter((d) => d.kind === kind).map((d) => [d.key, d]));
	const published = listOf(version.records, kind);
	const publishedKeys = new Set(published.map((record) => keyOf(kind, record)));
	const rows: RecordRow[] = [
		...published,
		...[...mine.values()].filter((d) => !publishedKeys.has(d.key) && d.record !== null).map((d) => d.record)
	].map((record) => {
		const key = keyOf(kind, record);
		const draft = mine.get(key);
		return {
			key,
			label: labelOf(kind, draft?.record ?? record),
			draft: stateOf(draft, publishedKeys.has(key))
		};
	});
	const words = normalise(q).split(/\s+/).filter(Boolean);
	return {
		version: version.number,
		drafts: drafts.length,
		rows: rows
			.filter((row) => words.every((word) => normalise(`${row.key} ${row.label}`).includes(word)))
			.sort((a, b) => a.label.localeCompare(b.label, 'fr'))
	};
}

const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** One record as the editor's form shows it: its draft if it has one, else the published record. */
export async function recordForEditing(kind: RecordKind, key: string) {
	const [version, drafts] = await Promise.all([latest(), listDrafts(getDb())]);
	const published = listOf(version.records, kind).find((record) => keyOf(kind, record) === key) ?? null;
	const draft = drafts.find((d) => d.kind === kind && d.key === key);
	if (!published && !draft?.record) return null;
	return {
		record: draft?.record ?? published,
		published,
		draft: draft
			? { state: stateOf(draft, published !== null)!, author: draft.authorName, at: draft.updatedAt }
			: null,
		/** Families and sources for the career form's choices. */
		families: withDrafts(version.records, drafts).families.map((family) => family.id)
	};
}

export type SaveOutcome =
	| { ok: true; key: string }
	| { ok: false; status: 400 | 404 | 409; errors: Record<string, string>; message: string | null };

/**
 * Keeps an edited (or new) record as a draft, when it is valid alone (the links between records are checked
 * at publication). A record keeps its identifier. A career's vector may change only with a reason, kept in its
 * `adjustments` with the dimensions that moved.
 */
export async function saveDraft(
	editor: Editor,
	kind: RecordKind,
	key: string | null,
	value: Record<string, unknown>,
	reason: string,
	now = new Date()
): Promise<SaveOutcome> {
	const db = getDb();
	const [version, drafts] = await Promise.all([latest(), listDrafts(db)]);
	const keyField = RECORD_LISTS[kind].key;
	const published = key
		? (listOf(version.records, kind).find((record) => keyOf(kind, record) === key) ?? null)
		: null;
	const draft = key ? drafts.find((d) => d.kind === kind && d.key === key) : undefined;
	const before = draft?.record ?? published;
	if (key !== null && !before) return { ok: false, status: 404, errors: {}, message: m.content_not_found() };
	if (key !== null && value[keyField] !== key)
		return { ok: false, status: 400, errors: { [keyField]: m.content_key_fixed() }, message: null };
	if (key === null) {
		const taken = new Set([
			...listOf(version.records, kind).map((record) => keyOf(kind, record)),
			...drafts.filter((d) => d.kind === kind).map((d) => d.key)
		]);
		if (taken.has(String(value[keyField])))
			return { ok: false, status: 409, errors: { [keyField]: m.content_key_taken() }, message: null };
	}
	if (kind === 'career') {
		const moved = movedDimensions(before as CareerContent | null, value as unknown as CareerContent);
		if (moved.length > 0) {
			if (reason.trim().length < 10)
				return { ok: false, status: 400, errors: { reason: m.content_reason_required() }, message: null };
			value = {
				...value,
				adjustments: [
					...((value.adjustments as unknown[]) ?? []),
					{ dimensions: moved, reason: reason.trim() }
				]
			};
		}
	}
	const checked = checkRecord(kind, value);
	if (!checked.ok) return { ok: false, status: 400, errors: checked.errors, message: m.content_fix_fields() };
	const savedKey = keyOf(kind, checked.record);
	await db.transaction(async (tx) => {
		await putDraft(tx, { kind, key: savedKey, record: checked.record }, editor, now);
		await insertAudit(
			tx,
			[{ actor: editor, action: 'content_draft_saved', subject: `${kind}:${savedKey}` }],
			now
		);
	});
	return { ok: true, key: savedKey };
}

/** The dimensions of a career's vector that differ from what it was (all of them for a new career). */
function movedDimensions(before: CareerContent | null, after: CareerContent): DimensionId[] {
	if (!after.vector) return [];
	if (!before) return [];
	return [
		...RIASEC_IDS.filter((id) => before.vector.riasec[id] !== after.vector?.riasec?.[id]),
		...SKILL_IDS.filter((id) => before.vector.skills[id] !== after.vector?.skills?.[id])
	];
}

/** Marks a published record to be retired at the next publication. */
export async function retireRecord(editor: Editor, kind: RecordKind, key: string, now = new Date()) {
	const db = getDb();
	const version = await latest();
	if (!listOf(version.records, kind).some((record) => keyOf(kind, record) === key)) return false;
	await db.transaction(async (tx) => {
		await putDraft(tx, { kind, key, record: null }, editor, now);
		await insertAudit(tx, [{ actor: editor, action: 'content_draft_saved', subject: `${kind}:${key}` }], now);
	});
	return true;
}

/** Drops a record's draft: the published record stays as it is. */
export async function discardDraft(editor: Editor, kind: RecordKind, key: string, now = new Date()) {
	return getDb().transaction(async (tx) => {
		if (!(await deleteDraft(tx, kind, key))) return false;
		await insertAudit(
			tx,
			[{ actor: editor, action: 'content_draft_discarded', subject: `${kind}:${key}` }],
			now
		);
		return true;
	});
}

/** The catalogue a preview shows: the published one with every draft laid over it. */
export async function previewCatalogue(): Promise<Catalogue> {
	const [version, drafts] = await Promise.all([latest(), listDrafts(getDb())]);
	return buildCatalogue(withDrafts(version.records, drafts), { number: version.number + 1, hash: 'apercu' });
}

export interface FieldChange {
	kind: RecordKind;
	key: string;
	/** The field's path; empty for a record added or retired. */
	field: string;
	before: string | null;
	after: string | null;
}

/** The leaves of a record, by path: `salary.junior` → 38000, `missions.2` → « … ». */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
	if (value !== null && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
	} else if (value !== undefined) out.set(path, String(value));
	return out;
}

/** Every field that differs between two catalogues: records added and retired, and the fields changed. */
export function diffRecords(before: CatalogueRecords, after: CatalogueRecords): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const kind of Object.keys(RECORD_LISTS) as RecordKind[]) {
		const old = new Map(listOf(before, kind).map((record) => [keyOf(kind, record), record]));
		const now = new Map(listOf(after, kind).map((record) => [keyOf(kind, record), record]));
		for (const [key, record] of now) {
			const previous = old.get(key);
			if (!previous) {
				changes.push({ kind, key, field: '', before: null, after: labelOf(kind, record) });
				continue;
			}
			const [a, b] = [leaves(previous), leaves(record)];
			for (const field of new Set([...a.keys(), ...b.keys()])) {
				if (a.get(field) !== b.get(field))
					changes.push({ kind, key, field, before: a.get(field) ?? null, after: b.get(field) ?? null });
			}
		}
		for (const [key, record] of old)
			if (!now.has(key)) changes.push({ kind, key, field: '', before: labelOf(kind, record), after: null });
	}
	return changes;
}

/**
 * A few reference people, one for each interest family (that interest high, the others low, skills in the
 * middle): how they would see the ranking before and after a change of vectors or questions.
 */
function referenceProfiles(records: CatalogueRecords) {
	return RIASEC_IDS.map((letter) => {
		const vector = {
			riasec: Object.fromEntries(RIASEC_IDS.map((id) => [id, id === letter ? 0.9 : 0.25])) as Record<
				RiasecId,
				number
			>,
			skills: Object.fromEntries(SKILL_IDS.map((id) => [id, 0.5])) as CareerContent['vector']['skills']
		};
		return {
			letter,
			profile: computeProfile(records.questions, simulatedAnswers(records.questions, vector))
		};
	});
}

export interface RankingMove {
	letter: RiasecId;
	slug: string;
	title: string;
	before: number | null;
	after: number | null;
}

/** Careers whose place in the first ten moves for a reference person, when vectors or questions changed. */
export function rankingMoves(before: CatalogueRecords, after: CatalogueRecords, top = 10): RankingMove[] {
	const ranks = (records: CatalogueRecords) => {
		const careers = prepareCareers(records.careers.map(({ slug, vector }) => ({ slug, vector })));
		return referenceProfiles(records).map(({ letter, profile }) => ({
			letter,
			rank: new Map(
				rankCareers(profile, careers, undefined, undefined, 0).matches.map((match, i) => [match.slug, i + 1])
			)
		}));
	};
	const [old, now] = [ranks(before), ranks(after)];
	const titles = new Map(
		[...before.careers, ...after.careers].map((career) => [career.slug, career.title] as const)
	);
	const moves: RankingMove[] = [];
	old.forEach(({ letter, rank }, index) => {
		const next = now[index]!.rank;
		for (const slug of new Set([...rank.keys(), ...next.keys()])) {
			const [a, b] = [rank.get(slug) ?? null, next.get(slug) ?? null];
			const shown = (a !== null && a <= top) || (b !== null && b <= top);
			if (shown && a !== b)
				moves.push({ letter, slug, title: titles.get(slug) ?? slug, before: a, after: b });
		}
	});
	return moves.sort((x, y) => x.letter.localeCompare(y.letter) || (x.after ?? 99) - (y.after ?? 99));
}

export interface Review {
	/** The version the drafts would follow: a publication states it, so two editors cannot publish over each other. */
	basedOn: number;
	drafts: (Omit<Draft, 'record'> & { state: DraftState; label: string })[];
	changes: FieldChange[];
	/** Why the drafts cannot be published; empty when they can. */
	problems: CatalogueProblem[];
	moves: RankingMove[];
	/** Whether anything that can move a ranking changed (then `moves` was worked out, and may be empty). */
	rankingChanged: boolean;
}

/**
 * What publishing the drafts would do, and whether it may: every check (schemas and links, paths per career,
 * house style, O*NET grounding, distinct vectors, identifiability of the careers whose vector changed or that
 * are new — or of all, when the questions changed).
 */
export async function reviewDrafts(): Promise<Review> {
	const [version, drafts] = await Promise.all([latest(), listDrafts(getDb())]);
	const next = withDrafts(version.records, drafts);
	const changes = diffRecords(version.records, next);
	const published = (kind: RecordKind, key: string) =>
		listOf(version.records, kind).some((record) => keyOf(kind, record) === key);
	// What can move a ranking: a vector, a career added or retired, a question.
	const rankingChanged = changes.some(
		(c) => c.kind === 'question' || (c.kind === 'career' && (c.field === '' || c.field.startsWith('vector')))
	);
	return {
		basedOn: version.number,
		drafts: drafts.map(({ record, ...draft }) => ({
			...draft,
			state: stateOf({ record, ...draft }, published(draft.kind, draft.key))!,
			label: record === null ? draft.key : labelOf(draft.kind, record)
		})),
		changes,
		problems: drafts.length === 0 ? [] : checkNext(version.number + 1, next, changes).problems,
		moves: rankingChanged ? rankingMoves(version.records, next) : [],
		rankingChanged
	};
}

/** The next version's records, checked; the problems when it may not be published. */
function checkNext(number: number, records: CatalogueRecords, changes: FieldChange[]) {
	let content;
	try {
		content = catalogueFromRecords(number, records);
	} catch (cause) {
		if (!(cause instanceof ContentError)) throw cause;
		return { content: null, problems: [{ file: '', problem: cause.message }] };
	}
	const questionsChanged = changes.some((c) => c.kind === 'question');
	const touched = new Set(
		changes
			.filter((c) => c.kind === 'career' && (c.field === '' || c.field.startsWith('vector')))
			.map((c) => c.key)
	);
	const problems = catalogueProblems(content, readOnetInterests(), questionsChanged ? undefined : touched);
	return { content, problems };
}

export type PublishOutcome =
	| { ok: true; number: number }
	| { ok: false; reason: 'empty' | 'stale' | 'problems'; problems: CatalogueProblem[] };

/** Publishes the drafts as a new version, if they pass every check and nobody published since `basedOn`. */
export async function publishDrafts(
	editor: Editor,
	basedOn: number,
	note: string,
	now = new Date()
): Promise<PublishOutcome> {
	const db = getDb();
	const [version, drafts] = await Promise.all([latest(), listDrafts(db)]);
	if (version.number !== basedOn) return { ok: false, reason: 'stale', problems: [] };
	if (drafts.length === 0) return { ok: false, reason: 'empty', problems: [] };
	const next = withDrafts(version.records, drafts);
	const { content, problems } = checkNext(basedOn + 1, next, diffRecords(version.records, next));
	if (!content || problems.length > 0) return { ok: false, reason: 'problems', problems };
	const { number: _n, version: hash, ...records } = content;
	const number = await db.transaction(async (tx) => {
		const published = await publishVersion(
			tx,
			records,
			hash,
			{ author: editor, source: 'editor', note: note.trim() || null, basedOn },
			now
		);
		if (published === null) return null;
		await clearDrafts(tx);
		await insertAudit(
			tx,
			[{ actor: editor, action: 'content_published', subject: `version:${published}` }],
			now
		);
		return published;
	});
	if (number === null) return { ok: false, reason: 'stale', problems: [] };
	return { ok: true, number };
}

/** Every version, newest first, with its author and note. */
export async function listVersions() {
	return listCatalogueVersions(getDb());
}

/** One version and what it changed from the one before it. */
export async function versionWithChanges(number: number) {
	const db = getDb();
	const [version, previous] = await Promise.all([
		readCatalogueVersion(db, { number }),
		number > 1 ? readCatalogueVersion(db, { number: number - 1 }) : null
	]);
	if (!version) return null;
	const { records, ...about } = version;
	return {
		...about,
		previous: previous?.number ?? null,
		changes: previous ? diffRecords(previous.records, records) : []
	};
}

/**
 * Makes an older version current again, as a new version holding its records (the history is never
 * rewritten). It was published once, so it passed the checks of its day; it is checked again all the same.
 */
export async function rollBack(
	editor: Editor,
	number: number,
	basedOn: number,
	now = new Date()
): Promise<PublishOutcome | { ok: false; reason: 'not_found'; problems: [] }> {
	const db = getDb();
	const [target, current] = await Promise.all([readCatalogueVersion(db, { number }), latest()]);
	if (!target) return { ok: false, reason: 'not_found', problems: [] };
	if (current.number !== basedOn) return { ok: false, reason: 'stale', problems: [] };
	let content;
	try {
		content = catalogueFromRecords(basedOn + 1, target.records);
	} catch (cause) {
		if (!(cause instanceof ContentError)) throw cause;
		return { ok: false, reason: 'problems', problems: [{ file: '', problem: cause.message }] };
	}
	const { number: _n, version: hash, ...records } = content;
	const published = await db.transaction(async (tx) => {
		const made = await publishVersion(
			tx,
			records,
			hash,
			{ author: editor, source: 'rollback', note: String(number), basedOn },
			now
		);
		if (made !== null)
			await insertAudit(
				tx,
				[{ actor: editor, action: 'content_rolled_back', subject: `version:${number}` }],
				now
			);
		return made;
	});
	if (published === null) return { ok: false, reason: 'stale', problems: [] };
	return { ok: true, number: published };
}

/** The back-office's own trail: drafts, publications, rollbacks. */
export async function catalogueTrail(limit = 50) {
	return listCatalogueTrail(getDb(), limit);
}
