import type { Session } from '$lib/server/auth/session';
import type { ResultPageInputs } from '$lib/server/results/kept-pages';
import type { User } from '$lib/server/db/repositories/users';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** Signed in, second factor given where one is needed. */
			user: User | null;
			session: Session | null;
			/** Signed in with the password, the second factor still due: only /compte/double-authentification serves them. */
			pendingSecondFactor: { user: User; session: Session } | null;
			/** Set by the results page's load: what it was drawn from, the key under which it is kept. */
			resultPage?: ResultPageInputs;
		}
	}
}

export {};
