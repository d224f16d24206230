import { desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, type AuditAction } from '../schema';

export interface AuditEntry {
	actor: { id: string; identifier: string };
	action: AuditAction;
	/** The person it was about; none for the catalogue's trail. */
	studentId?: string | null;
	/** What a catalogue action was about: « career:pentester », « version:12 »… */
	subject?: string | null;
	cohortId?: string | null;
}

/** Rows per statement: far below both engines' limits on bound parameters. */
const CHUNK = 500;

/** Writes the trace of a read before the data is sent; many entries (a cohort export) in one transaction. */
export async function recordAudit(db: Db, entries: AuditEntry[], now = new Date()): Promise<void> {
	if (entries.length === 0) return;
	await db.transaction(async (tx) => {
		for (let i = 0; i < entries.length; i += CHUNK) await insertAudit(tx, entries.slice(i, i + CHUNK), now);
	});
}

/** The rows themselves, inside a transaction the caller holds (a change and its trace commit together). */
export async function insertAudit(tx: Db, entries: AuditEntry[], now: Date): Promise<void> {
	await tx.insert(auditLog).values(
		entries.map((entry) => ({
			actorId: entry.actor.id,
			actorName: entry.actor.identifier,
			action: entry.action,
			studentId: entry.studentId ?? null,
			subject: entry.subject ?? null,
			cohortId: entry.cohortId ?? null,
			at: now
		}))
	);
}

/** Who read the student's data, newest first: for the student's account page and data export. */
export async function listAuditAboutStudent(db: Db, studentId: string) {
	return db
		.select({ action: auditLog.action, at: auditLog.at, counsellor: auditLog.actorName })
		.from(auditLog)
		.where(eq(auditLog.studentId, studentId))
		.orderBy(desc(auditLog.at), desc(auditLog.id));
}

/** The back-office's catalogue trail (drafts, publications, rollbacks), newest first. */
export async function listCatalogueTrail(db: Db, limit: number) {
	return db
		.select({
			action: auditLog.action,
			at: auditLog.at,
			actor: auditLog.actorName,
			subject: auditLog.subject
		})
		.from(auditLog)
		.where(isNotNull(auditLog.subject))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit);
}
