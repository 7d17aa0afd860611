/**
 * The REST envelope (`ActionStatus`, `ErrorCode`, `ErrorInfo`), its check, and the small readers
 * and writers the builders and mappers share: the service's data is checked, never trusted.
 */
import { ChatError } from '../../simulator/core/errors';

export type RestService = 'group_open_http_svc' | 'im_open_login_svc' | 'group_open_avchatroom_http_svc';

export interface RestRequest {
  service: RestService;
  command: string;
  body: Record<string, unknown>;
}

/** The envelope every REST response carries ("RESTful API Overview", 1047/34620), plus its own fields. */
export interface RestResponse {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo?: string;
  [field: string]: unknown;
}

/** The service answered with something that is not a REST envelope, an HTTP error, or a setup-level code. */
export class TencentRestError extends Error {
  constructor(
    message: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** The REST ErrorCode, for the public 60000-79999 codes (signature, app, rate limits). */
    readonly restErrorCode?: number,
  ) {
    super(message);
    this.name = 'TencentRestError';
  }
}



/** Public error codes 60000-79999 concern the request itself (signature, SDKAppID, rate), not a group rule. */
export function isPublicErrorCode(code: number): boolean {
  return code >= 60000 && code <= 79999;
}

/**
 * Checks the envelope. A refusal becomes the same coded error an SDK call gives (`code`,
 * `message`, `data`); anything else unexpected becomes an uncoded TencentRestError, so the suite
 * counts it as a broken call rather than as a rule outcome.
 */
export function checkEnvelope(command: string, body: unknown): RestResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TencentRestError(`${command}: the response is not a JSON object`);
  const r = body as Record<string, unknown>;
  const code = r.ErrorCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || typeof r.ActionStatus !== 'string') {
    throw new TencentRestError(`${command}: the response has no ActionStatus/ErrorCode envelope: ${JSON.stringify(body).slice(0, 200)}`);
  }
  const info = typeof r.ErrorInfo === 'string' ? r.ErrorInfo : '';
  if (code !== 0 || r.ActionStatus !== 'OK') {
    if (code === 0) throw new TencentRestError(`${command}: ActionStatus ${r.ActionStatus} with ErrorCode 0`);
    if (isPublicErrorCode(code)) throw new TencentRestError(`${command}: REST error ${code}: ${info}`, undefined, code);
    throw new ChatError(code, info === '' ? `REST ${command} failed with ${code}` : info, { command, errorInfo: info });
  }
  return r as RestResponse;
}

// ---- small readers and writers ----

export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}
export function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
/** The documentation's own examples carry padded values ("Role": "Member "): compare trimmed. */
export function trimmed(v: unknown): string {
  return str(v).trim();
}
export function kvList(v: unknown): Array<{ key: string; value: string }> {
  return arr(v).map((e) => ({ key: str(obj(e).Key), value: str(obj(e).Value) }));
}
export function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
export function onOff(v: boolean | undefined): 'On' | 'Off' | undefined {
  return v === undefined ? undefined : v ? 'On' : 'Off';
}
export function flag(v: boolean | undefined): 0 | 1 | undefined {
  return v === undefined ? undefined : v ? 1 : 0;
}
export const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The simulator admin accepts the native names Work and Meeting; REST takes Private and ChatRoom. */
const REST_GROUP_TYPE: Record<string, string> = { Work: 'Private', Meeting: 'ChatRoom' };
export function restGroupType(t: string): string {
  return REST_GROUP_TYPE[t] ?? t;
}

/** Community group IDs begin with @TGS#_ (Group System, 1047/33529). */
export function isCommunityID(groupID: string): boolean {
  return groupID.startsWith('@TGS#_');
}
