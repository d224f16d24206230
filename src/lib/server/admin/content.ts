import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
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
import type { Db } from '../db/client';
import { listCatalogueTrail, insertAudit } from '../db/repositories/audit';
import {
	deleteDraft,
	deletePublishedDrafts,
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

async function latest(db: Db = getDb()): Promise<StoredVersion> {
	const version = await readCatalogueVersion(db, 'latest');
	if (!version) throw new Error('the database holds no catalogue: run `npm run db:migrate`');
	return version;
}

/** The version published now and the drafts over it. */
async function current(db: Db = getDb()) {
	const [version, drafts] = await Promise.all([latest(db), listDrafts(db)]);
	return { version, drafts };
}

function listOf(records: CatalogueRecords, kind: RecordKind): unknown[] {
	return records[RECORD_LISTS[kind].list];
}

function findPublished(records: CatalogueRecords, kind: RecordKind, key: string): unknown {
	return listOf(records, kind).find((record) => keyOf(kind, record) === key) ?? null;
}

/**
 * What a set of drafts is, as a short string: a review page posts it with « Publier », and the publication
 * refuses when the drafts are no longer those the editor reviewed (someone saved or dropped one meanwhile).
 */
export function draftsStamp(drafts: readonly Draft[]): string {
	const text = drafts
		.map((draft) => `${draft.kind}:${draft.key}:${draft.updatedAt.getTime()}`)
		.sort()
		.join('\n');
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text))).slice(0, 16);
}

/** What an edit form was opened on: the draft's time, or `published` when it had none (see `saveDraft`). */
const recordStamp = (draft: Draft | undefined) => (draft ? String(draft.updatedAt.getTime()) : 'published');

/** A key the addresses use for a new record (`/admin/contenu/metiers/nouveau`): no record may take it. */
export const NEW_RECORD = 'nouveau';

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
	const { version, drafts } = await current();
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
	const { version, drafts } = await current();
	const published = findPublished(version.records, kind, key);
	const draft = drafts.find((d) => d.kind === kind && d.key === key);
	if (!published && !draft?.record) return null;
	return {
		record: draft?.record ?? published,
		published,
		/** Posted back with the form: a save refuses when someone else saved this record since. */
		stamp: recordStamp(draft),
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
	stamp?: string,
	now = new Date()
): Promise<SaveOutcome> {
	const db = getDb();
	const { version, drafts } = await current(db);
	const keyField = RECORD_LISTS[kind].key;
	const published = key ? findPublished(version.records, kind, key) : null;
	const draft = key ? drafts.find((d) => d.kind === kind && d.key === key) : undefined;
	const before = draft?.record ?? published;
	const refused = (status: 400 | 404 | 409, errors: Record<string, string>, message: string | null) =>
		({ ok: false, status, errors, message }) as const;
	if (key !== null && !before) return refused(404, {}, m.content_not_found());
	if (key !== null && stamp !== undefined && stamp !== recordStamp(draft))
		return refused(409, {}, m.content_edited_meanwhile({ author: draft?.authorName ?? '—' }));
	if (key !== null && value[keyField] !== key)
		return refused(400, { [keyField]: m.content_key_fixed() }, null);
	if (key === null) {
		const taken = new Set([
			NEW_RECORD,
			...listOf(version.records, kind).map((record) => keyOf(kind, record)),
			...drafts.filter((d) => d.kind === kind).map((d) => d.key)
		]);
		if (taken.has(String(value[keyField]))) return refused(409, { [keyField]: m.content_key_taken() }, null);
	}
	if (kind === 'career') {
		const moved = movedDimensions(before as CareerContent | null, value as unknown as CareerContent);
		if (moved.length > 0) {
			if (reason.trim().length < 10) return refused(400, { reason: m.content_reason_required() }, null);
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
	if (!checked.ok) return refused(400, checked.errors, m.content_fix_fields());
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
	if (!before) return [...RIASEC_IDS, ...SKILL_IDS];
	return [
		...RIASEC_IDS.filter((id) => before.vector.riasec[id] !== after.vector?.riasec?.[id]),
		...SKILL_IDS.filter((id) => before.vector.skills[id] !== after.vector?.skills?.[id])
	];
}

/** Marks a published record to be retired at the next publication. */
export async function retireRecord(editor: Editor, kind: RecordKind, key: string, now = new Date()) {
	const db = getDb();
	if (!findPublished((await latest(db)).records, kind, key)) return false;
	await db.transaction(async (tx) => {
		await putDraft(tx, { kind, key, record: null }, editor, now);
		await insertAudit(tx, [{ actor: editor, action: 'content_retired', subject: `${kind}:${key}` }], now);
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
	const { version, drafts } = await current();
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
	/** The drafts reviewed (`draftsStamp`): a publication states it too. */
	stamp: string;
	drafts: (Omit<Draft, 'record'> & { state: DraftState; label: string })[];
	changes: FieldChange[];
	/** Why the drafts cannot be published; empty when they can. */
	problems: CatalogueProblem[];
	moves: RankingMove[];
	/** Whether anything that can move a ranking changed (then `moves` was worked out, and may be empty). */
	rankingChanged: boolean;
}

/** What can move a ranking: a vector, a career added or retired, a question. */
const movesRankings = (change: FieldChange) =>
	change.kind === 'question' ||
	(change.kind === 'career' && (change.field === '' || change.field.startsWith('vector')));

/**
 * The last review, kept while neither the version nor the drafts change: the checks take a second or two
 * (identifiability ranks every career a hundred times), and the review page is opened again and again.
 */
let lastReview: { key: string; review: Promise<Review> } | null = null;

/**
 * What publishing the drafts would do, and whether it may: every check of `catalogueProblems` (schemas and
 * links, paths per career, house style, O*NET grounding, distinct vectors; identifiability of every career
 * when anything that moves rankings changed).
 */
export async function reviewDrafts(): Promise<Review> {
	const { version, drafts } = await current();
	const stamp = draftsStamp(drafts);
	const key = `${version.number} ${stamp}`;
	if (lastReview?.key !== key) {
		const review = Promise.resolve().then(() => review_(version, drafts, stamp));
		lastReview = { key, review };
		review.catch(() => {
			if (lastReview?.review === review) lastReview = null;
		});
	}
	return lastReview.review;
}

function review_(version: StoredVersion, drafts: Draft[], stamp: string): Review {
	const next = withDrafts(version.records, drafts);
	const changes = diffRecords(version.records, next);
	const rankingChanged = changes.some(movesRankings);
	return {
		basedOn: version.number,
		stamp,
		drafts: drafts.map(({ record, ...draft }) => ({
			...draft,
			state: stateOf({ record, ...draft }, findPublished(version.records, draft.kind, draft.key) !== null)!,
			label: record === null ? draft.key : labelOf(draft.kind, record)
		})),
		changes,
		problems: drafts.length === 0 ? [] : checkNext(version.number + 1, next, rankingChanged).problems,
		moves: rankingChanged ? rankingMoves(version.records, next) : [],
		rankingChanged
	};
}

/**
 * The next version's records, checked; the problems when it may not be published. Identifiability depends on
 * every vector and question: it is checked for every career when any of them changed, and skipped otherwise
 * (the published version passed it).
 */
function checkNext(number: number, records: CatalogueRecords, rankingChanged: boolean) {
	let content;
	try {
		content = catalogueFromRecords(number, records);
	} catch (cause) {
		if (!(cause instanceof ContentError)) throw cause;
		return { content: null, problems: [{ file: '', problem: cause.message }] };
	}
	const problems = catalogueProblems(content, readOnetInterests(), rankingChanged ? undefined : new Set());
	return { content, problems };
}

export type PublishOutcome =
	| { ok: true; number: number }
	| {
			ok: false;
			/** `stale`: another version was published since; `changed`: the drafts are not those reviewed. */
			reason: 'empty' | 'stale' | 'changed' | 'drafts' | 'problems' | 'not_found' | 'current';
			problems: CatalogueProblem[];
	  };

const refusal = (
	reason: Exclude<PublishOutcome, { ok: true }>['reason'],
	problems: CatalogueProblem[] = []
) => ({ ok: false, reason, problems }) as const;

/**
 * Writes a version after `basedOn`, with its audit row, in one transaction; `inside` runs in it first and may
 * refuse. Null when another version was published meanwhile.
 */
async function commitVersion(
	editor: Editor,
	records: CatalogueRecords,
	hash: string,
	publication: { source: 'editor' | 'rollback'; note: string | null; basedOn: number },
	audit: { action: 'content_published' | 'content_rolled_back'; subject: (made: number) => string },
	inside: (tx: Db) => Promise<PublishOutcome | null>,
	now: Date
): Promise<PublishOutcome> {
	return getDb()
		.transaction(async (tx) => {
			const made = await publishVersion(tx, records, hash, { author: editor, ...publication }, now);
			if (made === null) return refusal('stale');
			const refused = await inside(tx);
			if (refused) {
				// Nothing of it must stay: the transaction is rolled back by throwing.
				throw new Refused(refused);
			}
			await insertAudit(tx, [{ actor: editor, action: audit.action, subject: audit.subject(made) }], now);
			return { ok: true, number: made } as const;
		})
		.catch((cause) => {
			if (cause instanceof Refused) return cause.outcome;
			throw cause;
		});
}

class Refused extends Error {
	constructor(readonly outcome: PublishOutcome) {
		super('refused');
	}
}

/**
 * Publishes the drafts as a new version, if they pass every check, nobody published since `basedOn` and the
 * drafts are still those reviewed (`stamp`). Only those drafts are dropped: one saved again meanwhile stays.
 */
export async function publishDrafts(
	editor: Editor,
	basedOn: number,
	stamp: string,
	note: string,
	now = new Date()
): Promise<PublishOutcome> {
	const { version, drafts } = await current();
	if (version.number !== basedOn) return refusal('stale');
	if (drafts.length === 0) return refusal('empty');
	if (draftsStamp(drafts) !== stamp) return refusal('changed');
	const next = withDrafts(version.records, drafts);
	const { content, problems } = checkNext(
		basedOn + 1,
		next,
		diffRecords(version.records, next).some(movesRankings)
	);
	if (!content || problems.length > 0) return refusal('problems', problems);
	const { number: _n, version: hash, ...records } = content;
	return commitVersion(
		editor,
		records,
		hash,
		{ source: 'editor', note: note.trim() || null, basedOn },
		{ action: 'content_published', subject: (made) => `version:${made}` },
		async (tx) => {
			if (draftsStamp(await listDrafts(tx)) !== stamp) return refusal('changed');
			await deletePublishedDrafts(tx, drafts);
			return null;
		},
		now
	);
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
 * Makes an older version current again, as a new version holding its records and its content hash (the
 * history is never rewritten; results made with it find it again). It passes today's checks first, and waits
 * until there are no drafts: a draft holds whole records of the version it was made on, and publishing it
 * after a rollback would bring back what the rollback took away.
 */
export async function rollBack(
	editor: Editor,
	number: number,
	basedOn: number,
	now = new Date()
): Promise<PublishOutcome> {
	const db = getDb();
	const [target, { version, drafts }] = await Promise.all([
		readCatalogueVersion(db, { number }),
		current(db)
	]);
	if (!target) return refusal('not_found');
	if (version.number !== basedOn) return refusal('stale');
	if (number === version.number) return refusal('current');
	if (drafts.length > 0) return refusal('drafts');
	const { content, problems } = checkNext(basedOn + 1, target.records, true);
	if (!content || problems.length > 0) return refusal('problems', problems);
	return commitVersion(
		editor,
		target.records,
		target.hash,
		{ source: 'rollback', note: String(number), basedOn },
		{ action: 'content_rolled_back', subject: () => `version:${number}` },
		async (tx) => ((await listDrafts(tx)).length > 0 ? refusal('drafts') : null),
		now
	);
}

/** The back-office's own trail: drafts, publications, rollbacks. */
export async function catalogueTrail(limit = 50) {
	return listCatalogueTrail(getDb(), limit);
}
