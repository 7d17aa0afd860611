/**
 * Configuration of the live Tencent Cloud Chat adapter: environment variables, REST domains by
 * region, and the setup error the CLI turns into exit code 2.
 */

/** Thrown when the adapter cannot run as configured (missing variables, no WebSocket). */
export class SetupError extends Error {
  constructor(
    message: string,
    /** The environment variables that are missing or invalid. */
    readonly variables: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SetupError';
  }
}

/**
 * REST API domains by region, from "RESTful API Overview"
 * (https://www.tencentcloud.com/document/product/1047/34620) and the per-command pages, e.g.
 * "Changing Group Owner" (https://trtc.io/document/34966), which add Tokyo and Jakarta.
 */
export const REST_DOMAINS = {
  /** Chinese mainland (the default). */
  cn: 'console.tim.qq.com',
  /** Singapore. */
  sgp: 'adminapisgp.im.qcloud.com',
  /** Seoul. */
  kr: 'adminapikr.im.qcloud.com',
  /** Frankfurt. */
  ger: 'adminapiger.im.qcloud.com',
  /** Mumbai. */
  ind: 'adminapiind.im.qcloud.com',
  /** Silicon Valley. */
  usa: 'adminapiusa.im.qcloud.com',
  /** Tokyo. */
  jpn: 'adminapijpn.im.qcloud.com',
  /** Jakarta. */
  idn: 'adminapiidn.im.qcloud.com',
} as const;
export type Region = keyof typeof REST_DOMAINS;

/** Aliases accepted for GROUPSPEC_TENCENT_REGION, besides the keys of REST_DOMAINS. */
const REGION_ALIASES: Record<string, Region> = {
  china: 'cn',
  zh: 'cn',
  singapore: 'sgp',
  seoul: 'kr',
  korea: 'kr',
  frankfurt: 'ger',
  germany: 'ger',
  mumbai: 'ind',
  india: 'ind',
  'silicon-valley': 'usa',
  us: 'usa',
  tokyo: 'jpn',
  japan: 'jpn',
  jakarta: 'idn',
  indonesia: 'idn',
};

export interface TencentConfig {
  sdkAppID: number;
  secretKey: string;
  /** The app admin account (the REST API's `identifier`). */
  adminUserID: string;
  region: Region;
  /** The REST host, e.g. adminapisgp.im.qcloud.com. */
  restDomain: string;
  /** Seconds a generated UserSig stays valid (default one day). */
  userSigExpireSeconds: number;
  /** How long a login may take to reach SDK_READY, in ms. */
  loginTimeoutMs: number;
  /** Deadline of each REST request, in ms. */
  restTimeoutMs: number;
  /** A REST base URL in place of the region's domain (the emulator: `groupspec serve --rest`). */
  restBaseUrl?: string;
  /**
   * A wire-protocol URL for the users (the emulator's `--wire-port`): sessions run on the
   * simulator's SDK shape there instead of real `@tencentcloud/chat` instances.
   */
  sdkUrl?: string;
}

export const ENV = {
  SDKAPPID: 'GROUPSPEC_TENCENT_SDKAPPID',
  SECRET_KEY: 'GROUPSPEC_TENCENT_SECRET_KEY',
  ADMIN: 'GROUPSPEC_TENCENT_ADMIN',
  REGION: 'GROUPSPEC_TENCENT_REGION',
  /** Optional: a module whose export (or its `WebSocket` export) is a browser-compatible WebSocket class. */
  WEBSOCKET: 'GROUPSPEC_TENCENT_WEBSOCKET',
  /** Optional: REST request deadline in ms (default 10000). */
  REST_TIMEOUT_MS: 'GROUPSPEC_TENCENT_REST_TIMEOUT_MS',
  /** Optional: login deadline in ms (default 20000). */
  LOGIN_TIMEOUT_MS: 'GROUPSPEC_TENCENT_LOGIN_TIMEOUT_MS',
  /** Optional: the REST base URL, e.g. the emulator's http://127.0.0.1:8765; the region is then optional. */
  REST_URL: 'GROUPSPEC_TENCENT_REST_URL',
  /** Optional: a wire-protocol URL whose SDK shape stands in for the Web SDK (the emulator's --wire-port). */
  SDK_URL: 'GROUPSPEC_TENCENT_SDK_URL',
} as const;

/** The variables without which nothing can run, in the order they are reported. */
export const REQUIRED_VARIABLES = [ENV.SDKAPPID, ENV.SECRET_KEY, ENV.ADMIN, ENV.REGION] as const;

export function resolveRegion(value: string): Region | undefined {
  const v = value.trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(REST_DOMAINS, v)) return v as Region;
  return REGION_ALIASES[v];
}

function positiveInt(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Reads the configuration, or throws one SetupError that names every missing or invalid variable.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): TencentConfig {
  const restBaseUrl = (env[ENV.REST_URL] ?? '').trim();
  const sdkUrl = (env[ENV.SDK_URL] ?? '').trim();
  // against a REST base URL (the emulator) no region picks the domain
  const required = REQUIRED_VARIABLES.filter((name) => !(name === ENV.REGION && restBaseUrl !== ''));
  const missing = required.filter((name) => (env[name] ?? '').trim() === '');
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing ${missing.join(', ')}`);
  const invalid: string[] = [];
  for (const [name, value] of [[ENV.REST_URL, restBaseUrl], [ENV.SDK_URL, sdkUrl]] as const) {
    if (value !== '' && !/^https?:\/\/[^/\s]+/.test(value)) {
      invalid.push(name);
      problems.push(`${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
    }
  }
  const rawID = (env[ENV.SDKAPPID] ?? '').trim();
  const sdkAppID = Number(rawID);
  if (rawID !== '' && !(Number.isSafeInteger(sdkAppID) && sdkAppID > 0)) {
    invalid.push(ENV.SDKAPPID);
    problems.push(`${ENV.SDKAPPID} must be a positive integer (the app's SDKAppID), got ${JSON.stringify(rawID)}`);
  }
  const rawRegion = (env[ENV.REGION] ?? '').trim();
  const region = rawRegion === '' ? undefined : resolveRegion(rawRegion);
  if (rawRegion !== '' && region === undefined) {
    invalid.push(ENV.REGION);
    problems.push(`${ENV.REGION} must be one of ${Object.keys(REST_DOMAINS).join(', ')}, got ${JSON.stringify(rawRegion)}`);
  }
  if (problems.length > 0) {
    throw new SetupError(`The live Tencent Cloud Chat adapter is not configured: ${problems.join('; ')}. See docs/tencent-cloud.md.`, [...missing, ...invalid]);
  }
  const r = region ?? 'cn';
  return {
    ...(restBaseUrl === '' ? {} : { restBaseUrl }),
    ...(sdkUrl === '' ? {} : { sdkUrl }),
    sdkAppID,
    secretKey: (env[ENV.SECRET_KEY] ?? '').trim(),
    adminUserID: (env[ENV.ADMIN] ?? '').trim(),
    region: r,
    restDomain: REST_DOMAINS[r],
    userSigExpireSeconds: 86_400,
    loginTimeoutMs: positiveInt(env[ENV.LOGIN_TIMEOUT_MS], 20_000),
    restTimeoutMs: positiveInt(env[ENV.REST_TIMEOUT_MS], 10_000),
  };
}
