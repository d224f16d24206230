import type { Db } from './db/client';
import { createUser, findUserCredentials } from './db/repositories/users';
import type { UserRole } from './db/schema';
import { hashPassword } from './auth/password';
import { generateId } from './ids';

/** Demo accounts for a local try-out (`npm start`), never for a real deployment: their password is public. */
export const DEMO_PASSWORD = 'boussole-demo-2026';
export const DEMO_ACCOUNTS: { identifier: string; role: UserRole; birthYear: number }[] = [
	{ identifier: 'eleve.demo', role: 'student', birthYear: 2008 },
	{ identifier: 'conseillere.demo', role: 'counsellor', birthYear: 1985 }
];

export async function seedDemoAccounts(db: Db): Promise<number> {
	let created = 0;
	for (const account of DEMO_ACCOUNTS) {
		if (findUserCredentials(db, account.identifier)) continue;
		const ok = createUser(db, {
			id: generateId(),
			...account,
			passwordHash: await hashPassword(DEMO_PASSWORD)
		});
		if (ok) created += 1;
	}
	return created;
}
