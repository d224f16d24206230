import { needsSecondFactor, type Session } from '../auth/session';
import type { User } from '../db/repositories/users';
import { hasResultsToClaim } from '../results/claims';

/**
 * Where a person goes once their password (or second factor) was accepted: first the second factor if it is
 * still due, then the choice about results made in this browser before signing in, then where they were going.
 */
export async function pathAfterSignIn(
	user: Pick<User, 'role' | 'totpEnabledAt'>,
	session: Pick<Session, 'secondFactorAt'>,
	ownerHash: string | null,
	redirectTo: string
): Promise<string> {
	const back = encodeURIComponent(redirectTo);
	if (needsSecondFactor(user) && session.secondFactorAt === null)
		return `/compte/double-authentification?redirectTo=${back}`;
	if (await hasResultsToClaim(ownerHash)) return `/compte/rattacher?redirectTo=${back}`;
	return redirectTo;
}
