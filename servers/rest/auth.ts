/**
 * The query every REST request carries (`sdkappid`, `identifier`, `usersig`, `random`,
 * `contenttype=json`) and the UserSig check. A UserSig is tls-sig-api-v2's: base64 (with `*-_`
 * for `+/=`) of the zlib-deflated JSON `{TLS.ver, TLS.identifier, TLS.sdkappid, TLS.time,
 * TLS.expire, TLS.sig}`, where TLS.sig is an HMAC-SHA256 under the app's secret key, checked by
 * the same code as the drop-in's logins (simulator/sdk/drop-in/usersig.ts), with the same codes.
 */
import { checkUserSig } from '../../simulator/sdk/drop-in/usersig';
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

/** Checks a UserSig for `identifier` of the app (the drop-in's check: one verifier, the same codes); throws the documented code when it fails. */
export function verifyUserSig(userSig: string, identifier: string, o: Pick<AuthOptions, 'sdkAppID' | 'nowSeconds'> & { secretKey: string }): void {
  const failed = checkUserSig({ sdkAppID: o.sdkAppID, userID: identifier, userSig, secretKey: o.secretKey, nowSeconds: o.nowSeconds() });
  if (failed !== undefined) throw new RestFault(failed.code, `usersig: ${failed.why}`);
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
