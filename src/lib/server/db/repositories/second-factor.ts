import { and, count, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../client';
import { recoveryCodes, users } from '../schema';

export interface SecondFactorRow {
	key: string | null;
	enabledAt: Date | null;
	lastStep: number | null;
}

export async function findSecondFactor(db: Db, userId: string): Promise<SecondFactorRow | null> {
	const [row] = await db
		.select({ key: users.totpKey, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
		.from(users)
		.where(eq(users.id, userId));
	return row ?? null;
}

/** Keeps the key offered to a user who has no second factor yet (never replaces an active one). */
export async function offerSecondFactorKey(db: Db, userId: string, key: string): Promise<void> {
	await db
		.update(users)
		.set({ totpKey: key, totpLastStep: null })
		.where(and(eq(users.id, userId), isNull(users.totpEnabledAt)));
}

/** The offered key is confirmed: on, with the step of the confirming code and new recovery codes (hashes). */
export async function enableSecondFactor(
	db: Db,
	userId: string,
	step: number,
	recoveryCodeHashes: string[],
	now = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, userId));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
		if (recoveryCodeHashes.length > 0)
			await tx.insert(recoveryCodes).values(recoveryCodeHashes.map((codeHash) => ({ userId, codeHash })));
	});
}

/**
 * Records the time step of an accepted code, only if it is later than the last one: of two requests with the
 * same code, on any number of processes, one wins. False when the code was already used.
 */
export async function recordSecondFactorStep(db: Db, userId: string, step: number): Promise<boolean> {
	const updated = await db
		.update(users)
		.set({ totpLastStep: step })
		.where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
		.returning({ id: users.id });
	return updated.length === 1;
}

/**
 * Spends a recovery code, given the hashes it may be stored under; false when it is not one of the user's,
 * or was used already.
 */
export async function useRecoveryCode(
	db: Db,
	userId: string,
	codeHashes: string[],
	now = new Date()
): Promise<boolean> {
	const used = await db
		.update(recoveryCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCodes.userId, userId),
				inArray(recoveryCodes.codeHash, codeHashes),
				isNull(recoveryCodes.usedAt)
			)
		)
		.returning({ userId: recoveryCodes.userId });
	return used.length > 0;
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
	return row?.n ?? 0;
}

export async function disableSecondFactor(db: Db, userId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ totpKey: null, totpEnabledAt: null, totpLastStep: null })
			.where(eq(users.id, userId));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
	});
}
