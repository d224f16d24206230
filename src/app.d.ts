import type { Session } from '$lib/server/auth/session';
import type { User } from '$lib/server/db/repositories/users';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			user: User | null;
			session: Session | null;
		}
	}
}

export {};
