import { sha256 } from '@oslojs/crypto/sha2';
import { decodeBase32IgnorePadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { generateHOTP } from '@oslojs/otp';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../auth/session';
import type { Db } from '../db/client';
import { createUser, findUserById, type User } from '../db/repositories/users';
import { recoveryCodes } from '../db/schema';
import { freshTestDatabase } from '../test-database';
import { acceptedStep, TOTP_PERIOD_SECONDS } from '../auth/totp';
import {
	enrolSecondFactorThrottled,
	offerSecondFactor,
	recoveryCodesLeft,
	turnOffSecondFactorThrottled,
	verifySecondFactorThrottled
} from './second-factor';

let db: Db;
beforeEach(async () => {
	db = await freshTestDatabase();
});

const stepNow = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
const codeAt = (key: string, step: number) => generateHOTP(decodeBase32IgnorePadding(key), BigInt(step), 6);

async function staffMember(): Promise<User> {
	await createUser(db, {
		id: 's1',
		identifier: 'conseil',
		passwordHash: 'x',
		birthYear: 1980,
		role: 'counsellor'
	});
	return (await findUserById(db, 's1'))!;
}

describe('TOTP codes', () => {
	it('accept the codes of the previous, current and next 30 seconds, each once', () => {
		const key = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
		const now = stepNow();
		for (const step of [now - 1, now, now + 1]) expect(acceptedStep(key, codeAt(key, step), null)).toBe(step);
		expect(acceptedStep(key, codeAt(key, now - 2), null)).toBeNull();
		expect(acceptedStep(key, codeAt(key, now + 2), null)).toBeNull();
		// Replay: a step not later than the last accepted one never passes again.
		expect(acceptedStep(key, codeAt(key, now), now)).toBeNull();
		expect(acceptedStep(key, codeAt(key, now + 1), now)).toBe(now + 1);
		for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456'])
			expect(acceptedStep(key, bad, null), bad).toBeNull();
	});
});

describe('the second factor of staff', () => {
	it('is set up with a first code, gives ten recovery codes once, and completes the session', async () => {
		const user = await staffMember();
		const { token, session } = await createSession(db, user);
		expect((await validateSessionToken(db, token))!.complete).toBe(false);
		const { key, uri, qr } = await offerSecondFactor(user);
		expect((await offerSecondFactor(user)).key).toBe(key);
		expect(uri).toMatch(/^otpauth:\/\/totp\/Boussole:conseil\?/);
		expect(qr.size).toBeGreaterThanOrEqual(25);
		expect(qr.path).toMatch(/^M\d+ \d+h1v1h-1z/);

		expect(await enrolSecondFactorThrottled(user, session, '000000')).toMatchObject({
			ok: false,
			status: 400
		});
		const enrolled = await enrolSecondFactorThrottled(user, session, codeAt(key, stepNow()));
		expect(enrolled.ok).toBe(true);
		if (!enrolled.ok) return;
		expect(new Set(enrolled.recoveryCodes)).toHaveProperty('size', 10);
		expect((await validateSessionToken(db, token))!.complete).toBe(true);
		expect(await recoveryCodesLeft(user)).toBe(10);
	});

	it('refuses a code twice, takes each recovery code once, and cannot be turned off by staff', async () => {
		const user = await staffMember();
		const first = await createSession(db, user);
		const { key } = await offerSecondFactor(user);
		const step = stepNow();
		const enrolled = await enrolSecondFactorThrottled(user, first.session, codeAt(key, step));
		if (!enrolled.ok) throw new Error('enrolment failed');
		const enabledUser = (await findUserById(db, user.id))!;

		const second = await createSession(db, enabledUser);
		expect(await verifySecondFactorThrottled(enabledUser, second.session, codeAt(key, step))).toMatchObject({
			ok: false
		});
		expect((await verifySecondFactorThrottled(enabledUser, second.session, codeAt(key, step + 1))).ok).toBe(
			true
		);

		const third = await createSession(db, enabledUser);
		const recovery = enrolled.recoveryCodes![0]!;
		expect((await verifySecondFactorThrottled(enabledUser, third.session, recovery.toLowerCase())).ok).toBe(
			true
		);
		const fourth = await createSession(db, enabledUser);
		expect((await verifySecondFactorThrottled(enabledUser, fourth.session, recovery)).ok).toBe(false);
		expect(await recoveryCodesLeft(enabledUser)).toBe(9);

		expect(await turnOffSecondFactorThrottled(enabledUser, codeAt(key, step))).toMatchObject({ status: 403 });
	});

	it('keeps recovery codes salted with the account, and still takes a code given before salting, once', async () => {
		const user = await staffMember();
		const { session } = await createSession(db, user);
		const { key } = await offerSecondFactor(user);
		const enrolled = await enrolSecondFactorThrottled(user, session, codeAt(key, stepNow()));
		if (!enrolled.ok) throw new Error('enrolment failed');
		const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
		const plain = (code: string) =>
			encodeHexLowerCase(sha256(new TextEncoder().encode(code.replace('-', ''))));
		expect(stored).toHaveLength(10);
		for (const code of enrolled.recoveryCodes!)
			expect(stored.map((row) => row.codeHash)).not.toContain(plain(code));

		const legacy = '7Q3KD-MX2PA';
		await db.insert(recoveryCodes).values({ userId: user.id, codeHash: plain(legacy) });
		const enabledUser = (await findUserById(db, user.id))!;
		const first = await createSession(db, enabledUser);
		expect((await verifySecondFactorThrottled(enabledUser, first.session, legacy)).ok).toBe(true);
		const second = await createSession(db, enabledUser);
		expect((await verifySecondFactorThrottled(enabledUser, second.session, legacy)).ok).toBe(false);
		expect(await recoveryCodesLeft(enabledUser)).toBe(10);
	});

	it('is throttled: after five wrong codes, even the right one waits', async () => {
		const user = await staffMember();
		const { session } = await createSession(db, user);
		const { key } = await offerSecondFactor(user);
		for (let i = 0; i < 5; i += 1)
			expect(await enrolSecondFactorThrottled(user, session, '000000')).toMatchObject({ status: 400 });
		expect(await enrolSecondFactorThrottled(user, session, codeAt(key, stepNow()))).toMatchObject({
			status: 429
		});
	});

	it('a student may turn it on, then off again with a code', async () => {
		await createUser(db, { id: 'e1', identifier: 'eleve', passwordHash: 'x', birthYear: 2008 });
		const student = (await findUserById(db, 'e1'))!;
		const { session } = await createSession(db, student);
		const { key } = await offerSecondFactor(student);
		const step = stepNow();
		expect((await enrolSecondFactorThrottled(student, session, codeAt(key, step))).ok).toBe(true);
		const enabled = (await findUserById(db, 'e1'))!;
		expect(enabled.totpEnabledAt).not.toBeNull();
		// From now on, a new session of theirs waits for the code too.
		const next = await createSession(db, enabled);
		expect((await validateSessionToken(db, next.token))!.complete).toBe(false);
		expect(await turnOffSecondFactorThrottled(enabled, codeAt(key, step + 1))).toEqual({ ok: true });
		expect((await findUserById(db, 'e1'))!.totpEnabledAt).toBeNull();
	});
});
