// A locally generated RS256 key pair standing in for a Cloudflare Access team's signing key.
const enc = (bytes: Uint8Array | string) =>
  btoa(typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const json = (value: unknown) => enc(new TextEncoder().encode(JSON.stringify(value)).reduce((s, b) => s + String.fromCharCode(b), ''));

export const TEAM = 'newsroom.cloudflareaccess.com';
export const AUD = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

export async function accessKeys(kid = 'kid-current') {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const publicJwk = { ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey), kid, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const fetchJwks = async (url: string) => {
    fetches++;
    if (url !== `https://${TEAM}/cdn-cgi/access/certs`) throw new Error(`unexpected JWKS URL ${url}`);
    return { keys: [publicJwk] };
  };

  /** A token as Access would issue it, with any header or claim overridden. */
  async function sign(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    const h = json({ alg: 'RS256', kid, typ: 'JWT', ...header });
    const p = json({ iss: `https://${TEAM}`, aud: [AUD], email: 'desk@newsroom.test', sub: 'user-1', iat: now, exp: now + 600, ...claims });
    const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, new TextEncoder().encode(`${h}.${p}`)));
    return `${h}.${p}.${enc(sig)}`;
  }

  /** An HS256 token keyed with the public key's modulus: the classic algorithm-confusion attack. */
  async function signHs256(claims: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    const h = json({ alg: 'HS256', kid, typ: 'JWT' });
    const p = json({ iss: `https://${TEAM}`, aud: [AUD], email: 'desk@newsroom.test', exp: now + 600, ...claims });
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(publicJwk.n!), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${h}.${p}`)));
    return `${h}.${p}.${enc(sig)}`;
  }

  /** An unsigned token (`alg: none`). */
  function unsigned(claims: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    return `${json({ alg: 'none', kid, typ: 'JWT' })}.${json({ iss: `https://${TEAM}`, aud: [AUD], email: 'desk@newsroom.test', exp: now + 600, ...claims })}.`;
  }

  return { sign, signHs256, unsigned, fetchJwks, fetches: () => fetches };
}
