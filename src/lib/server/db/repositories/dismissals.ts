import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { dismissals } from '../schema';

/** « Pas pour moi »: the careers a user set aside, newest first. */
export async function listDismissals(db: Db, userId: string): Promise<string[]> {
	const rows = await db
		.select({ slug: dismissals.careerSlug })
		.from(dismissals)
		.where(eq(dismissals.userId, userId))
		.orderBy(desc(dismissals.createdAt));
	return rows.map((d) => d.slug);
}

export async function addDismissal(
	db: Db,
	userId: string,
	careerSlug: string,
	now = new Date()
): Promise<void> {
	await db.insert(dismissals).values({ userId, careerSlug, createdAt: now }).onConflictDoNothing();
}

export async function removeDismissal(db: Db, userId: string, careerSlug: string): Promise<void> {
	await db
		.delete(dismissals)
		.where(and(eq(dismissals.userId, userId), eq(dismissals.careerSlug, careerSlug)));
}
