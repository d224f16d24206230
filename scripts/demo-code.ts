// `npm run demo:code`: the current second-factor code of the demo staff (`conseillere.demo`, `admin.demo`),
// whose key is public (DEMO_TOTP_KEY): for trying the counsellor space and the back-office locally without an
// authenticator app.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { DEMO_TOTP_KEY } from '../src/lib/server/demo';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../src/lib/server/auth/totp';

const code = generateTOTP(decodeBase32IgnorePadding(DEMO_TOTP_KEY), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
const left = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
console.info(`${code}  (conseillere.demo and admin.demo, valid for ${left} more seconds)`);
