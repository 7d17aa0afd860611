/**
 * UserSig checking for the drop-in's login, when a test gave the fake the app's secret key.
 *
 * A UserSig (TLS 2.0, as `tls-sig-api-v2` makes it) is the base64 of zlib-deflated JSON
 * `{TLS.ver, TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire, TLS.sig[, TLS.userbuf]}` with `+/=`
 * escaped as `*-_`; `TLS.sig` is the base64 HMAC-SHA256, under the secret key, of the lines
 * `TLS.identifier:…\nTLS.sdkappid:…\nTLS.time:…\nTLS.expire:…\n[TLS.userbuf:…\n]`. The library only
 * signs, so the check is written here, against the same format; test/drop-in/usersig.test.ts
 * verifies signatures the library made. Codes: Tencent's account error codes
 * (https://cloud.tencent.com/document/product/679/131708): 70001 expired, 70003 cannot be parsed,
 * 70009 signed with another key, 70013 another userID, 70014 another SDKAppID.
 */
// node:crypto and node:zlib are loaded on the first UserSig checked: most tests of an app set no
// secret key, and importing `groupspec/chat` must stay cheap (issue 21: crypto alone costs ~10 ms)
type Crypto = typeof import('node:crypto');
type Zlib = typeof import('node:zlib');
let crypto: Crypto | undefined;
let zlib: Zlib | undefined;
const nodeCrypto = (): Crypto => (crypto ??= require('node:crypto') as Crypto);
const nodeZlib = (): Zlib => (zlib ??= require('node:zlib') as Zlib);
import { ERR } from '../../core/errors';

export interface UserSigCheck {
  sdkAppID: number;
  userID: string;
  userSig: string;
  secretKey: string;
  /** Now, in seconds since the epoch (the simulator's clock). */
  nowSeconds: number;
}

/** `undefined` when the UserSig is good, else the code and why. */
export function checkUserSig(c: UserSigCheck): { code: number; why: string } | undefined {
  const doc = parse(c.userSig);
  if (doc === undefined) return { code: ERR.USERSIG_PARSE_FAILED, why: 'UserSig is not a TLS 2.0 signature' };
  const identifier = doc['TLS.identifier'];
  const sdkappid = doc['TLS.sdkappid'];
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  const sig = doc['TLS.sig'];
  const userbuf = doc['TLS.userbuf'];
  if (typeof identifier !== 'string' || typeof sdkappid !== 'number' || typeof time !== 'number' || typeof expire !== 'number' || typeof sig !== 'string') {
    return { code: ERR.USERSIG_PARSE_FAILED, why: 'UserSig lacks a TLS field' };
  }
  const content =
    `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkappid}\nTLS.time:${time}\nTLS.expire:${expire}\n` + (typeof userbuf === 'string' ? `TLS.userbuf:${userbuf}\n` : '');
  // compared as text, as tls-sig-api-v2 writes it (`digest('base64')`): decoding the given
  // signature instead would also pass texts that only decode to the same bytes
  const expected = Buffer.from(nodeCrypto().createHmac('sha256', c.secretKey).update(content).digest('base64'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !nodeCrypto().timingSafeEqual(given, expected)) return { code: ERR.USERSIG_VERIFY_FAILED, why: 'UserSig was not signed with this app’s secret key' };
  if (sdkappid !== c.sdkAppID) return { code: ERR.USERSIG_SDKAPPID_MISMATCH, why: `UserSig is for SDKAppID ${sdkappid}, not ${c.sdkAppID}` };
  if (identifier !== c.userID) return { code: ERR.USERSIG_USERID_MISMATCH, why: `UserSig is for userID '${identifier}', not '${c.userID}'` };
  if (time + expire < c.nowSeconds) return { code: ERR.USERSIG_EXPIRED, why: `UserSig expired at ${time + expire} (now ${c.nowSeconds})` };
  return undefined;
}

function parse(userSig: string): Record<string, unknown> | undefined {
  try {
    const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
    const json: unknown = JSON.parse(nodeZlib().inflateSync(Buffer.from(base64, 'base64')).toString('utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
