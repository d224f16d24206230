import { formatDate } from '$lib/labels';
import { getCatalogue } from '../catalog';
import { getDb } from '../db';
import { listUnclaimedAttempts } from '../db/repositories/attempts';
import { claimOwnerAttempts, type User } from '../db/repositories/users';

/**
 * Results made in this browser before signing in are never given to an account silently: on a shared school
 * computer, they may be the previous pupil's. After a log-in or a sign-up the person sees them and chooses
 * (« ces résultats sont-ils les vôtres ? »); declining gives the browser a new anonymous owner, so that they
 * are no longer reachable from it.
 */

export async function browserResultsToClaim(ownerHash: string | null) {
	if (!ownerHash) return { results: [], inProgress: false };
	const [attempts, catalogue] = await Promise.all([
		listUnclaimedAttempts(getDb(), ownerHash),
		getCatalogue()
	]);
	return {
		results: attempts
			.filter((attempt) => attempt.resultId !== null && attempt.finishedAt !== null)
			.map((attempt) => ({
				id: attempt.resultId!,
				date: formatDate(attempt.finishedAt!),
				top: (attempt.summary?.ranked ?? [])
					.slice(0, 3)
					.map(([slug]) => catalogue.careerBySlug.get(slug)?.title ?? slug)
			})),
		inProgress: attempts.some((attempt) => attempt.finishedAt === null)
	};
}

export async function hasResultsToClaim(ownerHash: string | null): Promise<boolean> {
	return ownerHash !== null && (await listUnclaimedAttempts(getDb(), ownerHash)).length > 0;
}

/** The person said yes: this browser's results and quiz in progress become their account's. */
export async function claimBrowserResults(user: User, ownerHash: string): Promise<number> {
	return claimOwnerAttempts(getDb(), user.id, ownerHash);
}
