/**
 * Throttling buckets, in memory: a documented piece of module state. They protect one server process; a
 * restart forgets them, which is acceptable for login throttling (ASVS asks for rate limits, not ledgers).
 */
interface Bucket {
	failures: number;
	windowStart: number;
	lockedUntil: number;
}

export interface ThrottlePolicy {
	/** Failures allowed in a window before the key is locked. */
	limit: number;
	windowMs: number;
	/** The first lock; each further failure while over the limit doubles it, up to `maxLockMs`. */
	lockMs: number;
	maxLockMs: number;
}

export class Throttle {
	private readonly buckets = new Map<string, Bucket>();

	constructor(private readonly policy: ThrottlePolicy) {}

	/** Seconds to wait before trying again, or 0 when the key may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const bucket = this.buckets.get(key);
		return bucket && bucket.lockedUntil > now ? Math.ceil((bucket.lockedUntil - now) / 1000) : 0;
	}

	/** Counts one attempt (a failed log-in, a sign-up) against the key. */
	record(key: string, now = Date.now()): void {
		let bucket = this.buckets.get(key);
		if (!bucket || now - bucket.windowStart > this.policy.windowMs) {
			bucket = { failures: 0, windowStart: now, lockedUntil: 0 };
			this.buckets.set(key, bucket);
		}
		bucket.failures += 1;
		const over = bucket.failures - this.policy.limit;
		if (over >= 0) {
			// Locks are always temporary: a victim whose account is attacked waits minutes, never forever.
			bucket.lockedUntil = now + Math.min(this.policy.maxLockMs, this.policy.lockMs * 2 ** over);
		}
		if (this.buckets.size > 50_000) this.prune(now);
	}

	clear(key: string): void {
		this.buckets.delete(key);
	}

	private prune(now: number): void {
		for (const [key, bucket] of this.buckets) {
			if (bucket.lockedUntil < now && now - bucket.windowStart > this.policy.windowMs)
				this.buckets.delete(key);
		}
	}
}

const MINUTE = 60_000;

/** Per account: 5 failures in 15 minutes lock it for 30 s, then 1, 2, 4… minutes, 15 minutes at most. */
export const accountThrottle = new Throttle({
	limit: 5,
	windowMs: 15 * MINUTE,
	lockMs: 30_000,
	maxLockMs: 15 * MINUTE
});
/**
 * Per IP address, whatever the account: 100 failures in 15 minutes. Generous on purpose: a whole class
 * often shares one school address, and the per-account limit is what protects each account.
 */
export const ipThrottle = new Throttle({
	limit: 100,
	windowMs: 15 * MINUTE,
	lockMs: MINUTE,
	maxLockMs: 15 * MINUTE
});
/** Per IP address, sign-ups: 60 an hour (a class of 35 signing up together stays well below). */
export const signupThrottle = new Throttle({
	limit: 60,
	windowMs: 60 * MINUTE,
	lockMs: 5 * MINUTE,
	maxLockMs: 60 * MINUTE
});
/** Per account, wrong cohort codes: 10 in 15 minutes, then a pause; a typo costs nothing, guessing does. */
export const joinCodeThrottle = new Throttle({
	limit: 10,
	windowMs: 15 * MINUTE,
	lockMs: MINUTE,
	maxLockMs: 15 * MINUTE
});
