/**
 * The REST API's own error codes: the public 60000-79999 codes about the request itself (URL,
 * body, SDKAppID, signature, admin identity), kept apart from simulator/core/errors.ts, whose codes
 * are group rules the core enforces. Numbers and meanings from Tencent's RESTful API overview and
 * error-code pages (https://www.tencentcloud.com/document/product/1047/34620,
 * https://cloud.tencent.com/document/product/269/1671).
 */
export const REST_ERR = {
  /** HTTP parsing error: a URL or request the service cannot read (the emulator's answer to an unknown command, too). */
  BAD_REQUEST: 60002,
  /** The request body is not valid JSON. */
  INVALID_JSON: 60003,
  /** Account or signature error in the request URL or body. */
  ACCOUNT_OR_SIGNATURE: 60004,
  /** The SDKAppID is invalid. */
  INVALID_SDKAPPID: 60006,
  /** The request needs app admin rights: `identifier` is not an app admin. */
  NOT_ADMIN: 60010,
  /** The request has no SDKAppID. */
  MISSING_SDKAPPID: 60012,
  /** A field that holds an account is not a string. */
  ACCOUNT_NOT_STRING: 60015,
  /** The UserSig has expired. */
  USERSIG_EXPIRED: 70001,
  /** The UserSig cannot be parsed. */
  USERSIG_UNPARSABLE: 70003,
  /** The UserSig failed verification (wrong key, altered content). */
  USERSIG_VERIFY_FAILED: 70009,
  /** The identifier in the request does not match the UserSig's. */
  USERSIG_IDENTIFIER_MISMATCH: 70013,
  /** The SDKAppID in the request does not match the UserSig's. */
  USERSIG_SDKAPPID_MISMATCH: 70014,
  /** The account has not been imported. */
  ACCOUNT_NOT_IMPORTED: 70107,
} as const;
export type RestErrorCode = (typeof REST_ERR)[keyof typeof REST_ERR];

export const REST_ERROR_MEANINGS: Readonly<Record<RestErrorCode, string>> = {
  60002: 'HTTP parsing error: check the URL and the request',
  60003: 'The request body is not valid JSON',
  60004: 'Account or signature error in the request URL',
  60006: 'Invalid SDKAppID',
  60010: 'The request needs app admin rights',
  60012: 'The request has no SDKAppID',
  60015: 'An account field is not a string',
  70001: 'The UserSig has expired',
  70003: 'The UserSig cannot be parsed',
  70009: 'The UserSig failed verification',
  70013: 'The identifier does not match the UserSig',
  70014: 'The SDKAppID does not match the UserSig',
  70107: 'The account has not been imported',
};

/** A request the emulator refuses before (or instead of) running a command. */
export class RestFault extends Error {
  constructor(
    readonly code: number,
    readonly info: string,
  ) {
    super(info);
  }
}

/** The envelope every answer carries; HTTP status is 200 for every answer, failures included. */
export function failure(code: number, info: string): Record<string, unknown> {
  return { ActionStatus: 'FAIL', ErrorInfo: info, ErrorCode: code };
}

export function success(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...fields };
}
