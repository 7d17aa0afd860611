/**
 * The REST emulator under test: a simulator, the emulator over it on a free port, and a `post`
 * that sends one REST request over real HTTP the way a backend does.
 */
import { afterEach, beforeEach } from 'vitest';
import { createSimulator, type Simulator } from '../../simulator';
import { startRestEmulator, type RestEmulator, type RestEmulatorOptions } from '../../servers/rest/server';

export interface Harness {
  sim: Simulator;
  emu: RestEmulator;
  post(command: string, body: unknown, query?: Record<string, string | null>): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export const SDKAPPID = 1400000000;

export async function startHarness(options: RestEmulatorOptions = {}, sim: Simulator = createSimulator()): Promise<Harness> {
  const emu = await startRestEmulator(sim, options);
  return {
    sim,
    emu,
    async post(command, body, query = {}) {
      const q = new URLSearchParams();
      const base: Record<string, string | null> = { sdkappid: String(SDKAPPID), identifier: 'administrator', usersig: 'any', random: '42', contenttype: 'json', ...query };
      for (const [k, v] of Object.entries(base)) if (v !== null) q.set(k, v);
      const res = await fetch(`${emu.url}/v4/${command}?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as Record<string, any>;
    },
    close: () => emu.close(),
  };
}

/** The JSON type of a value, as the conformance checks compare them. */
function kind(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/**
 * Checks that `actual` has the documented response's shape: every documented field present with
 * the same JSON type (objects and the first element of arrays recursively), and no field beyond
 * the documented ones except those in `extra`. Returns the differences, empty when it conforms.
 */
export function shapeDifferences(actual: unknown, documented: unknown, extra: readonly string[] = [], at = '$'): string[] {
  if (kind(actual) !== kind(documented)) return [`${at}: ${kind(actual)}, documented ${kind(documented)}`];
  if (Array.isArray(documented)) {
    const a = actual as unknown[];
    // how many items is data, not shape: an empty list conforms to any documented list
    if (documented.length === 0 || a.length === 0) return [];
    return a.flatMap((item, i) => shapeDifferences(item, documented[0], extra, `${at}[${i}]`));
  }
  if (kind(documented) !== 'object') return [];
  const d = documented as Record<string, unknown>;
  const o = actual as Record<string, unknown>;
  const out: string[] = [];
  for (const k of Object.keys(d)) {
    if (!(k in o)) out.push(`${at}.${k}: missing`);
    else out.push(...shapeDifferences(o[k], d[k], extra, `${at}.${k}`));
  }
  for (const k of Object.keys(o)) if (!(k in d) && !extra.includes(k)) out.push(`${at}.${k}: not documented`);
  return out;
}

/** Imports accounts over REST (account_import), each answered OK. */
export async function importAccounts(h: Harness, ...ids: string[]): Promise<void> {
  for (const UserID of ids) {
    const r = await h.post('im_open_login_svc/account_import', { UserID });
    if (r.ErrorCode !== 0) throw new Error(`account_import ${UserID}: ${r.ErrorCode} ${r.ErrorInfo}`);
  }
}

/**
 * A fresh emulator for every test of a file: `onStart` receives it, and it is closed after the
 * test. The function returned swaps it mid-test for one started with other options.
 */
export function harnessPerTest(onStart: (h: Harness) => void): (options?: RestEmulatorOptions) => Promise<Harness> {
  let current: Harness | undefined;
  const start = async (options: RestEmulatorOptions = {}): Promise<Harness> => {
    await current?.close();
    current = await startHarness(options);
    onStart(current);
    return current;
  };
  beforeEach(async () => {
    current = undefined;
    await start();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return start;
}
