import { and, asc, eq } from 'drizzle-orm';
import type { RecordKind } from '../../catalog/content';
import type { Db } from '../client';
import { catalogueDrafts } from '../schema';

export interface Draft {
	kind: RecordKind;
	key: string;
	/** The edited record; null when the record is to be retired. */
	record: unknown;
	authorName: string;
	updatedAt: Date;
}

/** Every draft waiting for the next publication, by kind then key. */
export async function listDrafts(db: Db): Promise<Draft[]> {
	return db
		.select({
			kind: catalogueDrafts.kind,
			key: catalogueDrafts.key,
			record: catalogueDrafts.record,
			authorName: catalogueDrafts.authorName,
			updatedAt: catalogueDrafts.updatedAt
		})
		.from(catalogueDrafts)
		.orderBy(asc(catalogueDrafts.kind), asc(catalogueDrafts.key));
}

/** Writes (or replaces) the draft of one record, inside the caller's transaction. */
export async function putDraft(
	tx: Db,
	draft: { kind: RecordKind; key: string; record: unknown },
	author: { id: string; identifier: string },
	now: Date
): Promise<void> {
	const row = {
		...draft,
		authorId: author.id,
		authorName: author.identifier,
		updatedAt: now
	};
	await tx
		.insert(catalogueDrafts)
		.values(row)
		.onConflictDoUpdate({ target: [catalogueDrafts.kind, catalogueDrafts.key], set: row });
}

/** Drops one draft; true when there was one. */
export async function deleteDraft(tx: Db, kind: RecordKind, key: string): Promise<boolean> {
	const deleted = await tx
		.delete(catalogueDrafts)
		.where(and(eq(catalogueDrafts.kind, kind), eq(catalogueDrafts.key, key)))
		.returning({ key: catalogueDrafts.key });
	return deleted.length > 0;
}

/**
 * Drops the drafts a publication took, each as it was then (same `updatedAt`): a draft saved again meanwhile
 * is another draft, and stays.
 */
export async function deletePublishedDrafts(tx: Db, drafts: readonly Draft[]): Promise<void> {
	for (const draft of drafts)
		await tx
			.delete(catalogueDrafts)
			.where(
				and(
					eq(catalogueDrafts.kind, draft.kind),
					eq(catalogueDrafts.key, draft.key),
					eq(catalogueDrafts.updatedAt, draft.updatedAt)
				)
			);
}
