/**
 * The drop-in before login, side by side with the REAL @tencentcloud/chat 3.6.6 in the same state:
 * created, not logged in. The vendor runs in a child process with fail-fast network stubs
 * (test/fidelity/real-sdk-probe.cjs, as the fidelity tests run it); the same calls go to a fresh
 * groupspec/chat instance, and what each did (threw, rejected with a code, resolved or returned a
 * value) must be the same. Login itself needs Tencent's servers, so what follows login is checked
 * against the docs in life-cycle.test.ts.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import TencentCloudChat from '../../simulator/sdk/drop-in';

const PROBE = resolve(__dirname, '..', 'fidelity', 'real-sdk-probe.cjs');
const SDKAppID = 1400000016;

interface Probe {
  id: string;
  method: string;
  args?: unknown[];
}
/** What a call did, reduced to what both sides must agree on. */
type Seen = { kind: 'reject'; code: unknown } | { kind: 'resolve' | 'value'; value: unknown } | { kind: 'throw' | 'pending' };

const PROBES: Probe[] = [
  { id: 'getLoginUser', method: 'getLoginUser' },
  { id: 'isReady', method: 'isReady' },
  { id: 'createGroup', method: 'createGroup', args: [{ name: 'x', type: 'Private' }] },
  { id: 'getGroupList', method: 'getGroupList' },
  { id: 'getGroupOnlineMemberCount', method: 'getGroupOnlineMemberCount', args: ['g1'] },
  { id: 'quitGroup', method: 'quitGroup', args: ['g1'] },
  { id: 'getConversationList', method: 'getConversationList' },
  { id: 'getMyProfile', method: 'getMyProfile' },
  { id: 'getFriendList', method: 'getFriendList' },
  { id: 'createTextMessage (sync in the SDK)', method: 'createTextMessage', args: [{ to: 'bob', conversationType: 'C2C', payload: { text: 'hi' } }] },
  { id: 'getTotalUnreadMessageCount (sync in the SDK)', method: 'getTotalUnreadMessageCount' },
  { id: 'sendMessage', method: 'sendMessage', args: [{}] },
  { id: 'callExperimentalAPI isCommercialAbilityEnabled', method: 'callExperimentalAPI', args: ['isCommercialAbilityEnabled', 1] },
  { id: 'logout', method: 'logout' },
  { id: 'destroy', method: 'destroy' },
];

function reduce(o: Record<string, unknown>): Seen {
  if (o.kind === 'reject') return { kind: 'reject', code: o.code };
  if (o.kind === 'resolve' || o.kind === 'value') return { kind: o.kind, value: o.value };
  return { kind: o.kind as 'throw' | 'pending' };
}

function runVendor(): Promise<Record<string, Seen>> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, [PROBE, JSON.stringify({ sdkAppID: SDKAppID, probes: PROBES })], { timeout: 10_000, killSignal: 'SIGKILL' }, (error, stdout) => {
      if (error !== null) return fail(error);
      const run = JSON.parse(stdout) as { results: Record<string, Record<string, unknown>> };
      ok(Object.fromEntries(Object.entries(run.results).map(([k, v]) => [k, reduce(v)])));
    });
  });
}

async function runDropIn(): Promise<Record<string, Seen>> {
  TencentCloudChat.groupspec.reset();
  const chat = TencentCloudChat.create({ SDKAppID }) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const out: Record<string, Seen> = {};
  for (const p of PROBES) {
    let returned: unknown;
    try {
      returned = p.args === undefined ? chat[p.method]!() : chat[p.method]!(...p.args);
    } catch {
      out[p.id] = { kind: 'throw' };
      continue;
    }
    if (!(returned instanceof Promise)) {
      out[p.id] = { kind: 'value', value: returned };
      continue;
    }
    try {
      out[p.id] = { kind: 'resolve', value: await returned };
    } catch (e) {
      out[p.id] = { kind: 'reject', code: (e as { code?: unknown }).code };
    }
  }
  return out;
}

let vendor: Record<string, Seen>;
let dropIn: Record<string, Seen>;
beforeAll(async () => {
  [vendor, dropIn] = await Promise.all([runVendor(), runDropIn()]);
}, 20_000);

describe('before login, groupspec/chat answers as the real SDK does', () => {
  it.each(PROBES.map((p) => p.id))('%s', (id) => {
    expect(vendor[id], 'the vendor probe ran it').toBeDefined();
    expect(dropIn[id]).toEqual(vendor[id]);
  });
});
