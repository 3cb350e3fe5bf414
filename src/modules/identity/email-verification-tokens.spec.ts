import { JwtService } from '@nestjs/jwt';
import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenVerifier } from '../../core/auth/token-verifier.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { EMAIL_VERIFICATION_AUDIENCE, EmailVerificationTokens } from './email-verification-tokens.js';
import { IdentityConfig } from './identity.config.js';

const SECRET = 'unit-secret-that-is-long-enough-0123456789';
const USER_ID = '665f1c2b9d3e4a0012345678';
const HOUR_MS = 3_600_000;

const config = { get: (key: string) => ({ JWT_SECRET: SECRET, JWT_ACCESS_TTL_SECONDS: 900 })[key] } as unknown as AppConfig;
const tokens = new EmailVerificationTokens(config, Object.assign(new IdentityConfig(), { EMAIL_VERIFICATION_TTL_HOURS: 48 }));
// Access tokens as the core auth module signs and checks them.
const accessJwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256', expiresIn: 900 } });
const access = new TokenVerifier(accessJwt);
/** The verification key, derived the way the signer derives it, for forging tokens that differ in one claim. */
const verificationKey = Buffer.from(hkdfSync('sha256', SECRET, 'atrium', 'email-verification', 32));
const forge = (claims: Record<string, unknown>, key: Buffer | string = verificationKey) =>
  new JwtService({ secret: key }).sign(claims, { algorithm: 'HS256' });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('email verification tokens', () => {
  it('carry the account and the address they were mailed to', async () => {
    const check = await tokens.verify(tokens.issue(USER_ID, 'ada@example.com'));
    expect(check).toEqual({ valid: true, claim: { userId: USER_ID, email: 'ada@example.com', issuedAt: expect.any(Date) } });
  });

  it('never pass as access tokens', async () => {
    const token = tokens.issue(USER_ID, 'ada@example.com');
    expect(await access.verify(token)).toBeUndefined();
    // Not even when the access key signs the same claims: the audience is not the access tokens' and the type is not `access`.
    expect(await access.verify(forge({ sub: USER_ID, email: 'ada@example.com', typ: 'email-verification' }, SECRET))).toBeUndefined();
  });

  it('refuse access tokens and tokens signed with the access key', async () => {
    const accessToken = access.sign({ id: USER_ID, role: 'user', sessionId: '665f1c2b9d3e4a0012345679' });
    expect(await access.verify(accessToken)).toBeDefined();
    expect(await tokens.verify(accessToken)).toEqual({ valid: false, reason: 'invalid' });
    const claims = { sub: USER_ID, email: 'ada@example.com', typ: 'email-verification', aud: EMAIL_VERIFICATION_AUDIENCE };
    expect(await tokens.verify(forge({ ...claims, exp: nowSeconds() + 60 }, SECRET))).toEqual({ valid: false, reason: 'invalid' });
  });

  it('refuse a token of the right key for another audience or purpose', async () => {
    const claims = { sub: USER_ID, email: 'ada@example.com', exp: nowSeconds() + 60 };
    expect(await tokens.verify(forge({ ...claims, typ: 'email-verification', aud: EMAIL_VERIFICATION_AUDIENCE }))).toMatchObject({
      valid: true,
    });
    expect(await tokens.verify(forge({ ...claims, typ: 'email-verification', aud: 'atrium:password-reset' }))).toEqual({
      valid: false,
      reason: 'invalid',
    });
    expect(await tokens.verify(forge({ ...claims, typ: 'email-verification' }))).toEqual({ valid: false, reason: 'invalid' });
    expect(await tokens.verify(forge({ ...claims, typ: 'access', aud: EMAIL_VERIFICATION_AUDIENCE }))).toEqual({
      valid: false,
      reason: 'invalid',
    });
    expect(await tokens.verify(forge({ typ: 'email-verification', aud: EMAIL_VERIFICATION_AUDIENCE, email: 'ada@example.com' }))).toEqual({
      valid: false,
      reason: 'invalid',
    });
  });

  it('expire EMAIL_VERIFICATION_TTL_HOURS after they are issued', async () => {
    expect(await tokens.verify(tokens.issue(USER_ID, 'ada@example.com', new Date(Date.now() - 47 * HOUR_MS)))).toMatchObject({
      valid: true,
    });
    expect(await tokens.verify(tokens.issue(USER_ID, 'ada@example.com', new Date(Date.now() - 49 * HOUR_MS)))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('refuse a token whose address was changed, or signed under another secret', async () => {
    const [header, payload, signature] = tokens.issue(USER_ID, 'ada@example.com').split('.');
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), email: 'eve@example.com' }),
    ).toString('base64url');
    expect(await tokens.verify(`${header}.${altered}.${signature}`)).toEqual({ valid: false, reason: 'invalid' });
    const elsewhere = new EmailVerificationTokens(
      { get: () => 'another-secret-that-is-long-enough-98765' } as unknown as AppConfig,
      new IdentityConfig(),
    );
    expect(await tokens.verify(elsewhere.issue(USER_ID, 'ada@example.com'))).toEqual({ valid: false, reason: 'invalid' });
    expect(await tokens.verify('not.a.token')).toEqual({ valid: false, reason: 'invalid' });
  });
});
