/**
 * Every REST command Tencent documents for groups and accounts, with what the emulator does with
 * it, and the request handler: `(method, path, query, body) -> {status, json}`, pure of HTTP so it
 * can be tested without a socket. docs/rest-emulator.md's coverage table is generated from
 * `COVERAGE` (test/rest/coverage.test.ts fails when the two drift).
 */
import type { Service } from '../../simulator/shell/service';
import { ERR, isCodedError } from '../../simulator/core/errors';
import { RESERVED_KEYS } from '../../simulator/core/schemas';
import { authenticate, type AuthOptions } from './auth';
import { failure, REST_ERR, RestFault, success } from './codes';
import { bodyFault, type CommandContext, type CommandSpec } from './fields';
import { WRITE_COMMANDS } from './commands-write';
import { READ_COMMANDS } from './commands-read';
import { ACCOUNT_COMMANDS } from './commands-account';
import { IMPORT_COMMANDS } from './commands-import';
import { STORE_COMMANDS } from './commands-store';

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ...WRITE_COMMANDS, ...READ_COMMANDS, ...ACCOUNT_COMMANDS,
  ...IMPORT_COMMANDS, ...STORE_COMMANDS,
};

const MESSAGES = 'group messages are not modelled by the simulator (it covers group management)';
const NO_ADMIN_COMMAND = 'the simulator core has no app-admin command for it yet';

/** Documented commands the emulator answers with 60002 and this reason. */
export const NOT_EMULATED: Readonly<Record<string, string>> = {
  'group_open_http_svc/import_group_msg': MESSAGES,
  'group_open_http_svc/send_group_msg': MESSAGES,
  'group_open_http_svc/group_msg_get_simple': MESSAGES,
  'group_open_http_svc/group_msg_recall': MESSAGES,
  'group_open_http_svc/delete_group_msg_by_sender': MESSAGES,
  'group_open_http_svc/set_unread_msg_num': MESSAGES,
  'group_open_http_svc/send_broadcast_msg': MESSAGES,
  'openim/modify_group_msg': MESSAGES,
  'group_open_http_svc/import_topic': 'topics are not modelled by the simulator',
  'million_group_open_http_svc/create_topic': 'topics are not modelled by the simulator',
  'million_group_open_http_svc/destroy_topic': 'topics are not modelled by the simulator',
  'million_group_open_http_svc/get_topic': 'topics are not modelled by the simulator',
  'million_group_open_http_svc/modify_topic': 'topics are not modelled by the simulator',
  'group_open_avchatroom_http_svc/modify_user_info': 'user profiles in AVChatRooms are not modelled',
  'openim/query_online_status': 'user online status is outside group management',
};

export interface CoverageRow {
  path: string;
  status: 'emulated' | 'not emulated';
  note: string;
}

/** Every documented command, sorted by path: the coverage table. */
export const COVERAGE: readonly CoverageRow[] = [
  ...Object.keys(COMMANDS).map((path) => ({ path, status: 'emulated' as const, note: '' })),
  ...Object.entries(NOT_EMULATED).map(([path, note]) => ({ path, status: 'not emulated' as const, note })),
].sort((a, b) => a.path.localeCompare(b.path));

export interface HandlerOptions extends AuthOptions {
  maxBodyBytes: number;
}

export interface RestRequestIn {
  method: string;
  /** The URL's path, e.g. /v4/group_open_http_svc/create_group. */
  path: string;
  query: URLSearchParams;
  body: string;
}

export interface RestAnswer {
  status: number;
  json: Record<string, unknown>;
  /** service/command, when the path named one (for request counts). */
  command?: string;
}

const PATH = /^\/v4\/([a-z_]+)\/([a-z_]+)$/;

function parseBody(body: string, command: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new RestFault(REST_ERR.INVALID_JSON, `${command}: the request body is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RestFault(REST_ERR.INVALID_JSON, `${command}: the request body must be a JSON object`);
  const reserved = reservedKeyPath(parsed, '');
  if (reserved !== undefined) throw new RestFault(ERR.INVALID_PARAMETER, `Invalid parameter (${reserved}: is a reserved key (${RESERVED_KEYS.join(', ')} are refused in every map))`);
  return parsed as Record<string, unknown>;
}

/**
 * Where the body holds `__proto__`, `constructor` or `prototype` as a key, at any depth: refused
 * as the SDK surface refuses them (docs/ambiguities.md A68), never dropped or stored silently.
 */
function reservedKeyPath(value: unknown, at: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = reservedKeyPath(value[i], `${at}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const k of Object.keys(value)) {
    const here = at === '' ? k : `${at}.${k}`;
    if (RESERVED_KEYS.includes(k)) return here;
    const found = reservedKeyPath((value as Record<string, unknown>)[k], here);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Answers one REST request. Every answer is HTTP 200 with the envelope, failures included, as the service does. */
export async function handleRest(service: Service<any>, options: HandlerOptions, req: RestRequestIn): Promise<RestAnswer> {
  const match = PATH.exec(req.path);
  const command = match === null ? undefined : `${match[1]}/${match[2]}`;
  try {
    if (req.method !== 'POST') throw new RestFault(REST_ERR.BAD_REQUEST, `the REST API takes POST, not ${req.method}`);
    if (command === undefined) throw new RestFault(REST_ERR.BAD_REQUEST, `${req.path} is not a REST command path (/v4/<service>/<command>)`);
    const adminID = authenticate(req.query, options);
    const spec = COMMANDS[command];
    if (spec === undefined) {
      const why = NOT_EMULATED[command];
      throw new RestFault(REST_ERR.BAD_REQUEST, why === undefined ? `unknown command ${command}` : `${command} is documented but not emulated by groupspec: ${why}`);
    }
    if (Buffer.byteLength(req.body, 'utf8') > options.maxBodyBytes) throw new RestFault(REST_ERR.BAD_REQUEST, `${command}: the request body is larger than ${options.maxBodyBytes} bytes`);
    const parsed = spec.body.safeParse(parseBody(req.body, command));
    if (!parsed.success) throw bodyFault(parsed.error);
    const ctx: CommandContext = { service, adminID, sdkAppID: options.sdkAppID };
    return { status: 200, json: success(await spec.run(ctx, parsed.data)), ...(command === undefined ? {} : { command }) };
  } catch (e) {
    const json = e instanceof RestFault ? failure(e.code, e.info) : isCodedError(e) ? failure(e.code, e.message) : failure(10002, `internal error: ${e instanceof Error ? e.message : String(e)}`);
    return { status: 200, json, ...(command === undefined ? {} : { command }) };
  }
}
