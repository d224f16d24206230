import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { cohorts, sessions, users, type UserRole } from '../schema';
import { insertAudit } from './audit';

/** What an administrator reads of an account: never a password, a hash or a second factor's key. */
export interface AccountSummary {
	id: string;
	identifier: string;
	role: UserRole;
	createdAt: Date;
	lastActiveAt: Date | null;
	disabledAt: Date | null;
	secondFactorOn: boolean;
}

export interface AccountFilter {
	/** Part of the identifier, as typed (normalised identifiers are lower case). */
	q: string;
	role: UserRole | null;
	state: 'active' | 'disabled' | null;
}

const summary = {
	id: users.id,
	identifier: users.identifier,
	role: users.role,
	createdAt: users.createdAt,
	lastActiveAt: users.lastActiveAt,
	disabledAt: users.disabledAt,
	totpEnabledAt: users.totpEnabledAt
};

type SummaryRow = Pick<
	typeof users.$inferSelect,
	'id' | 'identifier' | 'role' | 'createdAt' | 'lastActiveAt' | 'disabledAt' | 'totpEnabledAt'
>;

function toSummary({ totpEnabledAt, ...row }: SummaryRow): AccountSummary {
	return { ...row, secondFactorOn: totpEnabledAt !== null };
}

/** `%` and `_` typed by someone are letters, not wildcards. */
function containing(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest accounts first, at most `limit` (a region's lycées hold many: the search narrows it). */
export async function searchAccounts(
	db: Db,
	filter: AccountFilter,
	limit: number
): Promise<AccountSummary[]> {
	const conditions: SQL[] = [];
	const q = filter.q.trim().toLowerCase();
	if (q) conditions.push(sql`${users.identifier} LIKE ${containing(q)} ESCAPE '\\'`);
	if (filter.role) conditions.push(eq(users.role, filter.role));
	if (filter.state === 'active') conditions.push(isNull(users.disabledAt));
	if (filter.state === 'disabled') conditions.push(isNotNull(users.disabledAt));
	const rows = await db
		.select(summary)
		.from(users)
		.where(and(...conditions))
		.orderBy(desc(users.createdAt), users.id)
		.limit(limit);
	return rows.map(toSummary);
}

export async function findAccountSummary(db: Db, userId: string): Promise<AccountSummary | null> {
	const [row] = await db.select(summary).from(users).where(eq(users.id, userId));
	return row ? toSummary(row) : null;
}

export interface AccountChange {
	userId: string;
	actor: { id: string; identifier: string };
	now: Date;
}

/**
 * The new role, with what it brings, and its trace, in one transaction: every session of the account ends (a
 * new role has other session lifetimes, and staff give a second factor at their next log-in, enrolling one
 * first if they have none); a counsellor who leaves the role has their open cohorts archived (members stay,
 * no one new joins). False when the account does not exist or already has that role.
 */
export async function changeAccountRole(
	db: Db,
	change: AccountChange & { role: UserRole }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, change.userId));
		if (!before || before.role === change.role) return false;
		await tx.update(users).set({ role: change.role }).where(eq(users.id, change.userId));
		if (before.role === 'counsellor')
			await tx
				.update(cohorts)
				.set({ archivedAt: change.now })
				.where(and(eq(cohorts.counsellorId, change.userId), isNull(cohorts.archivedAt)));
		await tx.delete(sessions).where(eq(sessions.userId, change.userId));
		await insertAudit(
			tx,
			[{ actor: change.actor, action: 'role_changed', studentId: change.userId }],
			change.now
		);
		return true;
	});
}

/**
 * Disables the account (its sessions end with it) or enables it again, with its trace, in one transaction.
 * False when the account does not exist or is already so.
 */
export async function setAccountDisabled(
	db: Db,
	change: AccountChange & { disabled: boolean }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const changed = await tx
			.update(users)
			.set({ disabledAt: change.disabled ? change.now : null })
			.where(
				and(
					eq(users.id, change.userId),
					change.disabled ? isNull(users.disabledAt) : isNotNull(users.disabledAt)
				)
			)
			.returning({ id: users.id });
		if (changed.length === 0) return false;
		if (change.disabled) await tx.delete(sessions).where(eq(sessions.userId, change.userId));
		await insertAudit(
			tx,
			[
				{
					actor: change.actor,
					action: change.disabled ? 'account_disabled' : 'account_enabled',
					studentId: change.userId
				}
			],
			change.now
		);
		return true;
	});
}

/** How many of the counsellor's cohorts are open: what leaving the role would archive. */
export async function countOpenCohorts(db: Db, counsellorId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)` })
		.from(cohorts)
		.where(and(eq(cohorts.counsellorId, counsellorId), isNull(cohorts.archivedAt)));
	return Number(row?.count ?? 0);
}
