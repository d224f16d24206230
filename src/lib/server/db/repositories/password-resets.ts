import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { passwordResets, sessions, users } from '../schema';

/** A new code for the account, replacing any code given before: only the newest one works. */
export async function savePasswordReset(
	db: Db,
	reset: { userId: string; codeHash: string; issuedBy: string; expiresAt: Date }
): Promise<void> {
	await db
		.insert(passwordResets)
		.values(reset)
		.onConflictDoUpdate({
			target: passwordResets.userId,
			set: { codeHash: reset.codeHash, issuedBy: reset.issuedBy, expiresAt: reset.expiresAt }
		});
}

/**
 * Spends the code and sets the new password in one transaction, signing the account out everywhere: of two
 * requests with the same code, one wins. False when the code is not the account's live one.
 */
export async function resetPasswordWithCode(
	db: Db,
	reset: { userId: string; codeHash: string; passwordHash: string },
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const spent = await tx
			.delete(passwordResets)
			.where(
				and(
					eq(passwordResets.userId, reset.userId),
					eq(passwordResets.codeHash, reset.codeHash),
					gt(passwordResets.expiresAt, now)
				)
			)
			.returning({ userId: passwordResets.userId });
		if (spent.length === 0) return false;
		await tx.update(users).set({ passwordHash: reset.passwordHash }).where(eq(users.id, reset.userId));
		await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
		return true;
	});
}

/** When the account's live code, if any, stops working: for the account page. */
export async function findLivePasswordReset(db: Db, userId: string, now = new Date()) {
	const [row] = await db
		.select({ expiresAt: passwordResets.expiresAt })
		.from(passwordResets)
		.where(and(eq(passwordResets.userId, userId), gt(passwordResets.expiresAt, now)));
	return row ?? null;
}

/** Deletes the codes past their day (`npm run db:cleanup`): an expired code's hash serves no one. */
export async function deleteExpiredPasswordResets(db: Db, now = new Date()): Promise<number> {
	const deleted = await db
		.delete(passwordResets)
		.where(lte(passwordResets.expiresAt, now))
		.returning({ userId: passwordResets.userId });
	return deleted.length;
}
