import { getDb } from '../db';
import { counsellorCanSeeStudent } from '../db/repositories/cohorts';
import { addNote, deleteNote, updateNote } from '../db/repositories/notes';
import { generateId } from '../ids';
import type { Counsellor } from './counsellor';

/**
 * A counsellor's notes about a student: written only about a student they may see (a membership in one of
 * their open cohorts), changed only by their author. Each returns false when that is not the case (→ 404).
 */

export async function addNoteAbout(
	counsellor: Counsellor,
	studentId: string,
	note: { body: string; shared: boolean }
): Promise<boolean> {
	const db = getDb();
	if (!(await counsellorCanSeeStudent(db, counsellor.id, studentId))) return false;
	await addNote(db, { id: generateId(), authorId: counsellor.id, studentId, ...note });
	return true;
}

export async function editNoteAbout(
	counsellor: Counsellor,
	studentId: string,
	noteId: string,
	note: { body: string; shared: boolean }
): Promise<boolean> {
	const db = getDb();
	if (!(await counsellorCanSeeStudent(db, counsellor.id, studentId))) return false;
	return updateNote(db, { id: noteId, authorId: counsellor.id, studentId }, note);
}

export async function deleteNoteAbout(
	counsellor: Counsellor,
	studentId: string,
	noteId: string
): Promise<boolean> {
	const db = getDb();
	if (!(await counsellorCanSeeStudent(db, counsellor.id, studentId))) return false;
	return deleteNote(db, { id: noteId, authorId: counsellor.id, studentId });
}

/** Whether the counsellor may see this student at all (before reading a note form). */
export async function mayWriteAbout(counsellor: Counsellor, studentId: string): Promise<boolean> {
	return counsellorCanSeeStudent(getDb(), counsellor.id, studentId);
}
