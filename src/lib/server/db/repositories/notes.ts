import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { counsellorNotes, users } from '../schema';

export async function listNotes(db: Db, authorId: string, studentId: string) {
	return db
		.select()
		.from(counsellorNotes)
		.where(and(eq(counsellorNotes.authorId, authorId), eq(counsellorNotes.studentId, studentId)))
		.orderBy(desc(counsellorNotes.createdAt));
}

export async function addNote(
	db: Db,
	note: { id: string; authorId: string; studentId: string; body: string; shared: boolean },
	now = new Date()
): Promise<void> {
	await db.insert(counsellorNotes).values({ ...note, createdAt: now, updatedAt: now });
}

type NoteKey = { id: string; authorId: string; studentId: string };

/** The note, only if this author wrote it about this student: another id matches nothing. */
function theNote(key: NoteKey) {
	return and(
		eq(counsellorNotes.id, key.id),
		eq(counsellorNotes.authorId, key.authorId),
		eq(counsellorNotes.studentId, key.studentId)
	);
}

/** Edits the author's own note; false when the note is not theirs or not about this student. */
export async function updateNote(
	db: Db,
	key: NoteKey,
	change: { body: string; shared: boolean },
	now = new Date()
): Promise<boolean> {
	const updated = await db
		.update(counsellorNotes)
		.set({ ...change, updatedAt: now })
		.where(theNote(key))
		.returning({ id: counsellorNotes.id });
	return updated.length === 1;
}

export async function deleteNote(db: Db, key: NoteKey): Promise<boolean> {
	const deleted = await db.delete(counsellorNotes).where(theNote(key)).returning({ id: counsellorNotes.id });
	return deleted.length === 1;
}

/** Notes counsellors chose to share with the student, for the student's export and account page. */
export async function listSharedNotesAboutStudent(db: Db, studentId: string) {
	return db
		.select({
			body: counsellorNotes.body,
			author: users.identifier,
			createdAt: counsellorNotes.createdAt,
			updatedAt: counsellorNotes.updatedAt
		})
		.from(counsellorNotes)
		.innerJoin(users, eq(users.id, counsellorNotes.authorId))
		.where(and(eq(counsellorNotes.studentId, studentId), eq(counsellorNotes.shared, true)))
		.orderBy(desc(counsellorNotes.createdAt));
}
