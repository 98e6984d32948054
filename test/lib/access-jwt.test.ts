import { describe, expect, it } from 'vitest';
import { AccessTokenError, accessVerifier } from '../../src/lib/access-jwt';
import { AUD, TEAM, accessKeys } from '../helpers/access-keys';

describe('accessVerifier', () => {
  it('accepts a token Access signed for this application and returns its e-mail', async () => {
    const keys = await accessKeys();
    const access = accessVerifier({ teamDomain: TEAM, aud: AUD }, { fetchJwks: keys.fetchJwks });
    expect(await access.verify(await keys.sign({ email: 'Desk@Newsroom.test' }))).toEqual({ email: 'desk@newsroom.test', sub: 'user-1' });
  });

  it.each([
    ['alg none', async (k: Awaited<ReturnType<typeof accessKeys>>) => k.unsigned()],
    ['HS256 keyed with the public key', (k: Awaited<ReturnType<typeof accessKeys>>) => k.signHs256()],
    ['the wrong audience', (k: Awaited<ReturnType<typeof accessKeys>>) => k.sign({ aud: ['another-application-aud-tag-0000'] })],
    ['an expired token', (k: Awaited<ReturnType<typeof accessKeys>>) => k.sign({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a token not valid yet', (k: Awaited<ReturnType<typeof accessKeys>>) => k.sign({ nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['another team as issuer', (k: Awaited<ReturnType<typeof accessKeys>>) => k.sign({ iss: 'https://attacker.cloudflareaccess.com' })],
    ['an unknown kid', (k: Awaited<ReturnType<typeof accessKeys>>) => k.sign({}, { kid: 'kid-made-up' })],
    ['no e-mail (a service token)', (k: Awaited<ReturnType<typeof accessKeys>>) => k.sign({ email: undefined })],
    ['a tampered payload', async (k: Awaited<ReturnType<typeof accessKeys>>) => {
      const [h, , s] = (await k.sign()).split('.');
      const forged = btoa(JSON.stringify({ iss: `https://${TEAM}`, aud: [AUD], email: 'admin@newsroom.test', exp: 9e9 })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
      return `${h}.${forged}.${s}`;
    }],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s', async (_, make) => {
    const keys = await accessKeys();
    const access = accessVerifier({ teamDomain: TEAM, aud: AUD }, { fetchJwks: keys.fetchJwks });
    await expect(access.verify(await make(keys))).rejects.toThrow(AccessTokenError);
  });

  it('caches keys by kid and refetches for an unknown kid at most every refetchMinMs', async () => {
    const keys = await accessKeys();
    let clock = Date.now();
    const access = accessVerifier({ teamDomain: TEAM, aud: AUD }, { fetchJwks: keys.fetchJwks, now: () => clock, refetchMinMs: 30_000 });
    await access.verify(await keys.sign());
    await access.verify(await keys.sign());
    expect(keys.fetches()).toBe(1);
    for (let i = 0; i < 5; i++) await expect(access.verify(await keys.sign({}, { kid: `made-up-${i}` }))).rejects.toThrow(/unknown signing key/);
    expect(keys.fetches()).toBe(1);
    clock += 31_000;
    await expect(access.verify(await keys.sign({}, { kid: 'made-up-late' }))).rejects.toThrow(/unknown signing key/);
    expect(keys.fetches()).toBe(2);
  });
});
