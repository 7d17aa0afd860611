/**
 * The query every REST request carries (`sdkappid`, `identifier`, `usersig`, `random`,
 * `contenttype=json`) and the UserSig check. A UserSig is tls-sig-api-v2's: base64 (with `*-_`
 * for `+/=`) of the zlib-deflated JSON `{TLS.ver, TLS.identifier, TLS.sdkappid, TLS.time,
 * TLS.expire, TLS.sig}`, where TLS.sig is an HMAC-SHA256 under the app's secret key. The HMAC is
 * recomputed with the package's own signer, so a signature it issues always verifies here.
 */
import { inflateSync } from 'node:zlib';
import { timingSafeEqual } from 'node:crypto';
import { REST_ERR, RestFault } from './codes';

export interface AuthOptions {
  sdkAppID: number;
  /** Without a key, UserSigs are not checked (any non-empty usersig passes). */
  secretKey?: string | undefined;
  /** The accounts with app admin rights. */
  admins: ReadonlySet<string>;
  /** Wall-clock seconds, for UserSig expiry (a UserSig is signed with real time, not the simulator's). */
  nowSeconds(): number;
}

interface TlsSigApi {
  _hmacsha256(identifier: string, time: number, expire: number, userBuf: string | null): string;
}
type TlsSigModule = { Api: new (sdkAppID: number, key: string) => TlsSigApi };

/** The decoded UserSig document, or a 70003 fault. */
function decode(userSig: string): Record<string, unknown> {
  try {
    const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
    const doc = JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8')) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object');
    return doc as Record<string, unknown>;
  } catch {
    throw new RestFault(REST_ERR.USERSIG_UNPARSABLE, 'usersig cannot be parsed (not a tls-sig-api-v2 UserSig)');
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks a UserSig for `identifier` of the app; throws the documented code when it fails. */
export function verifyUserSig(userSig: string, identifier: string, o: Pick<AuthOptions, 'sdkAppID' | 'secretKey' | 'nowSeconds'> & { secretKey: string }): void {
  const doc = decode(userSig);
  const sigIdentifier = doc['TLS.identifier'];
  const sigAppID = doc['TLS.sdkappid'];
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  const sig = doc['TLS.sig'];
  const userBuf = doc['TLS.userbuf'];
  if (typeof sigIdentifier !== 'string' || typeof sigAppID !== 'number' || typeof time !== 'number' || typeof expire !== 'number' || typeof sig !== 'string') {
    throw new RestFault(REST_ERR.USERSIG_UNPARSABLE, 'usersig lacks TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire or TLS.sig');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Api } = require('tls-sig-api-v2') as TlsSigModule;
  const expected = new Api(sigAppID, o.secretKey)._hmacsha256(sigIdentifier, time, expire, typeof userBuf === 'string' ? userBuf : null);
  if (!sameText(expected, sig)) throw new RestFault(REST_ERR.USERSIG_VERIFY_FAILED, 'usersig verification failed (signed with another key, or altered)');
  if (sigAppID !== o.sdkAppID) throw new RestFault(REST_ERR.USERSIG_SDKAPPID_MISMATCH, `usersig was issued for SDKAppID ${sigAppID}, not ${o.sdkAppID}`);
  if (sigIdentifier !== identifier) throw new RestFault(REST_ERR.USERSIG_IDENTIFIER_MISMATCH, `usersig was issued for ${JSON.stringify(sigIdentifier)}, not the identifier ${JSON.stringify(identifier)}`);
  if (time + expire < o.nowSeconds()) throw new RestFault(REST_ERR.USERSIG_EXPIRED, `usersig expired at ${new Date((time + expire) * 1000).toISOString()}`);
}

/** Checks the query; returns the admin account the request acts as. */
export function authenticate(query: URLSearchParams, o: AuthOptions): string {
  const appID = query.get('sdkappid');
  if (appID === null || appID === '') throw new RestFault(REST_ERR.MISSING_SDKAPPID, 'the query has no sdkappid');
  if (!/^\d+$/.test(appID) || Number(appID) !== o.sdkAppID) throw new RestFault(REST_ERR.INVALID_SDKAPPID, `sdkappid ${JSON.stringify(appID)} is not this app's (${o.sdkAppID})`);
  const contentType = query.get('contenttype');
  if (contentType !== 'json') throw new RestFault(REST_ERR.BAD_REQUEST, `contenttype must be json, got ${JSON.stringify(contentType)}`);
  const identifier = query.get('identifier');
  if (identifier === null || identifier === '') throw new RestFault(REST_ERR.ACCOUNT_OR_SIGNATURE, 'the query has no identifier');
  const userSig = query.get('usersig');
  if (userSig === null || userSig === '') throw new RestFault(REST_ERR.ACCOUNT_OR_SIGNATURE, 'the query has no usersig');
  if (o.secretKey !== undefined && o.secretKey !== '') verifyUserSig(userSig, identifier, { ...o, secretKey: o.secretKey });
  if (!o.admins.has(identifier)) throw new RestFault(REST_ERR.NOT_ADMIN, `${JSON.stringify(identifier)} is not an app admin`);
  return identifier;
}
