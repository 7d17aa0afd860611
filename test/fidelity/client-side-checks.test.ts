/**
 * The checks the Web SDK makes before any network request (codes 2600, 2602, 2620, 2621, 2623,
 * 2661, 2681, 2683-2687, and the synchronous `Params validate failed.` Error), the real SDK against
 * the simulator.
 *
 * Where the real SDK can run a check offline, it does: `@tencentcloud/chat` 3.6.6 is created
 * (`create({SDKAppID})`) in a child process with fail-fast WebSocket, XMLHttpRequest and fetch
 * stubs (real-sdk-probe.cjs; the SDK keeps timers alive, so the child ends itself and is killed
 * after a hard timeout) and its outcomes come back as JSON. Before login the SDK's ready check
 * runs first, so only its allow-listed methods (joinGroup, quitGroup, getGroupOnlineMemberCount)
 * reach their checks; every other group method answers 2024.
 *
 * Where a check needs a logged-in SDK, the test says so in its name and checks the simulator
 * against the documented code (the SDK's own source, as summarised in the reference SDK surface §6:
 * the order of the checks below is the order of the `if`s in @tencentcloud/chat 3.6.6).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Chat, type Simulator } from '../../simulator';

const REPO = resolve(__dirname, '..', '..');
const PROBE = resolve(__dirname, 'real-sdk-probe.cjs');
const SDK_APP_ID = 1400000000;
const HARD_TIMEOUT_MS = 10_000;

/** What a call did: threw synchronously, or returned a promise that rejected or resolved. */
type Outcome =
  | { kind: 'throw'; name?: string; message?: string; ownKeys: string[]; hasCode: boolean; isError: boolean }
  | { kind: 'reject'; code?: number; message?: string; ownKeys: string[]; isError: boolean; data?: Record<string, unknown>; requests?: string[] }
  | { kind: 'resolve'; value: unknown; requests?: string[] }
  | { kind: 'pending'; requests?: string[] }
  | { kind: 'value'; value: unknown };

interface Probe {
  id: string;
  method: string;
  /** Absent: the method is called with no argument at all. */
  args?: unknown[];
}

interface RealRun {
  version: string;
  results: Record<string, Outcome>;
  requests: string[];
}

function runRealSdk(probes: Probe[]): Promise<RealRun> {
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      [PROBE, JSON.stringify({ sdkAppID: SDK_APP_ID, probes })],
      { cwd: REPO, timeout: HARD_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null) return fail(new Error(`the real-SDK probe failed (${error.message}): ${stderr.slice(0, 500)}`));
        try {
          const run = JSON.parse(stdout) as RealRun & { fatal?: string };
          if (run.fatal !== undefined) return fail(new Error(run.fatal));
          ok(run);
        } catch {
          fail(new Error(`the real-SDK probe printed no JSON: ${stdout.slice(0, 300)} ${stderr.slice(0, 300)}`));
        }
      },
    );
  });
}

/** The same observation of a simulator call. */
async function simulate(call: () => unknown): Promise<Outcome> {
  let pending: unknown;
  try {
    pending = call();
  } catch (e) {
    const err = e as Error;
    return { kind: 'throw', name: err?.name, message: err?.message, ownKeys: Object.keys(err ?? {}), hasCode: typeof err === 'object' && err !== null && 'code' in err, isError: e instanceof Error };
  }
  try {
    return { kind: 'resolve', value: await pending };
  } catch (e) {
    const err = e as { code?: number; message?: string; data?: Record<string, unknown> };
    return { kind: 'reject', code: err.code, message: err.message, ownKeys: Object.keys(err), isError: e instanceof Error, data: err.data };
  }
}

/** Calls a Chat method by name with the probe's arguments (as the app would, including wrong ones). */
function invoke(chat: Chat, p: Probe): unknown {
  const fn = (chat as unknown as Record<string, (...a: unknown[]) => unknown>)[p.method]!;
  return p.args === undefined ? fn.call(chat) : fn.apply(chat, p.args);
}

// ---- what the real SDK runs offline ----

/** Calls the SDK's validator refuses: it throws `new Error("Params validate failed.")` before anything else. */
const INVALID: Array<Probe & { field: string }> = [
  { id: 'quitGroup(123)', method: 'quitGroup', args: [123], field: 'groupID' },
  { id: "quitGroup('')", method: 'quitGroup', args: [''], field: 'groupID' },
  { id: 'quitGroup(null)', method: 'quitGroup', args: [null], field: 'groupID' },
  { id: 'quitGroup()', method: 'quitGroup', field: 'groupID' },
  { id: 'joinGroup({})', method: 'joinGroup', args: [{}], field: 'groupID' },
  { id: 'joinGroup()', method: 'joinGroup', field: 'options' },
  { id: "joinGroup('g1')", method: 'joinGroup', args: ['g1'], field: 'options' },
  { id: "joinGroup({groupID: ''})", method: 'joinGroup', args: [{ groupID: '' }], field: 'groupID' },
  { id: "joinGroup({groupID: 'g1', type: 5})", method: 'joinGroup', args: [{ groupID: 'g1', type: 5 }], field: 'type' },
  { id: "joinGroup({groupID: 'g1', applyMessage: 5})", method: 'joinGroup', args: [{ groupID: 'g1', applyMessage: 5 }], field: 'applyMessage' },
  { id: 'getGroupOnlineMemberCount(123)', method: 'getGroupOnlineMemberCount', args: [123], field: 'groupID' },
  { id: "getGroupOnlineMemberCount('')", method: 'getGroupOnlineMemberCount', args: [''], field: 'groupID' },
];

/** Calls outside the ready check's allow-list: before login each answers 2024, whatever its 26xx check would say. */
const NOT_READY: Probe[] = [
  { id: 'createGroup bogus type (2600 once logged in)', method: 'createGroup', args: [{ name: 'G', type: 'Bogus' }] },
  { id: 'createGroup() (validation once logged in)', method: 'createGroup' },
  { id: 'createGroup Community without @TGS#_ (2602 once logged in)', method: 'createGroup', args: [{ name: 'G', type: 'Community', groupID: 'guild' }] },
  { id: 'changeGroupOwner (2620/2621 once logged in)', method: 'changeGroupOwner', args: [{ groupID: 'g1', newOwnerID: 'bob' }] },
  { id: 'addGroupMember (2661 once logged in)', method: 'addGroupMember', args: [{ groupID: 'g1', userIDList: ['bob'] }] },
  { id: 'setGroupMemberRole bogus role (2681/2683/2684 once logged in)', method: 'setGroupMemberRole', args: [{ groupID: 'g1', userID: 'bob', role: 'Bogus' }] },
  { id: 'setGroupMemberMuteTime (2685 once logged in)', method: 'setGroupMemberMuteTime', args: [{ groupID: 'g1', userID: 'bob', muteTime: 60 }] },
  { id: 'deleteGroupMember (2603/2686 once logged in)', method: 'deleteGroupMember', args: [{ groupID: 'g1', userIDList: ['bob'] }] },
  { id: 'setGroupMemberNameCard (2687 once logged in)', method: 'setGroupMemberNameCard', args: [{ groupID: 'g1', nameCard: 'x' }] },
  { id: 'getGroupMemberProfile (2687 once logged in)', method: 'getGroupMemberProfile', args: [{ groupID: 'g1', userIDList: ['bob'] }] },
  { id: 'dismissGroup', method: 'dismissGroup', args: ['g1'] },
  { id: 'getGroupList', method: 'getGroupList' },
];

const QUIT: Probe = { id: "quitGroup('g1')", method: 'quitGroup', args: ['g1'] };
const COUNT: Probe = { id: "getGroupOnlineMemberCount('g1')", method: 'getGroupOnlineMemberCount', args: ['g1'] };

let real: RealRun;

beforeAll(async () => {
  real = await runRealSdk([QUIT, COUNT, ...INVALID, ...NOT_READY]);
}, HARD_TIMEOUT_MS + 2_000);

function realOutcome(id: string): Outcome {
  const o = real.results[id];
  if (o === undefined) throw new Error(`the probe did not run ${id}`);
  return o;
}

/** A simulator session in the state of an SDK before login: logged in once, then logged out. */
async function loggedOut(sim: Simulator): Promise<Chat> {
  const chat = sim.login('probe');
  await chat.logout();
  return chat;
}

describe('offline: the real SDK 3.6.6 (created, not logged in) and the simulator give the same answer', () => {
  it('runs the real package, and none of the probed calls made a network request', () => {
    expect(real.version).toBe('3.6.6');
    for (const [id, o] of Object.entries(real.results)) if ('requests' in o) expect(o.requests ?? [], id).toEqual([]);
  });

  it("quitGroup of a group that is not joined rejects with 2623 (MEMBER_NOT_IN_GRP): real before login; simulator logged out and logged in", async () => {
    const r = realOutcome(QUIT.id);
    expect(r).toMatchObject({ kind: 'reject', code: 2623, isError: true });
    const sim = createSimulator();
    expect(await simulate(async () => invoke(await loggedOut(sim), QUIT))).toMatchObject({ kind: 'reject', code: 2623, isError: true });
    expect(await simulate(() => invoke(sim.login('alice'), QUIT))).toMatchObject({ kind: 'reject', code: 2623, isError: true });
  });

  it('getGroupOnlineMemberCount of an unknown group resolves {code: 0, data: {memberCount: 0}} before login', async () => {
    const r = realOutcome(COUNT.id);
    expect(r).toEqual({ kind: 'resolve', value: { code: 0, data: { memberCount: 0 } }, requests: [] });
    const sim = await simulate(async () => invoke(await loggedOut(createSimulator()), COUNT));
    expect(sim).toEqual({ kind: 'resolve', value: r.kind === 'resolve' ? r.value : undefined });
  });

  it.each(NOT_READY.map((p) => [p.id, p] as const))('the ready check runs first: %s rejects with 2024 before login', async (_id, p) => {
    const r = realOutcome(p.id);
    expect(r).toMatchObject({ kind: 'reject', code: 2024, isError: true });
    // the SDK's not-ready message names the API: "<text> | createGroup | <text>" (texts empty offline)
    expect((r as { message?: string }).message).toContain(`| ${p.method} |`);
    const sim = await simulate(async () => invoke(await loggedOut(createSimulator()), p));
    expect(sim).toMatchObject({ kind: 'reject', code: 2024, isError: true });
    expect((sim as { message?: string }).message).toContain(`| ${p.method} |`);
  });

  describe('`Params validate failed.`: the documented deviation (docs/ambiguities.md A39)', () => {
    it.each(INVALID.map((p) => [p.id, p] as const))('%s: the real SDK throws synchronously; the simulator rejects with 10004 naming the field', async (_id, p) => {
      // real: a plain Error, thrown, not a rejected promise; no code, no own fields
      expect(realOutcome(p.id)).toEqual({ kind: 'throw', name: 'Error', message: 'Params validate failed.', ownKeys: [], hasCode: false, isError: true });
      // simulator (logged in): never throws; rejects with 10004, the field in the message and in data.field
      const sim = await simulate(() => invoke(createSimulator().login('alice'), p));
      expect(sim.kind).toBe('reject');
      const s = sim as Extract<Outcome, { kind: 'reject' }>;
      expect(s.code).toBe(10004);
      expect(s.isError).toBe(true);
      expect(s.data?.field).toBe(p.field);
      expect(s.message).toMatch(new RegExp(`^Invalid parameter \\(${p.field}: `));
    });

    it('a logged-out session still validates the methods the SDK allows before login: real throws, simulator rejects with 10004', async () => {
      for (const id of ['quitGroup(123)', 'joinGroup({})', 'getGroupOnlineMemberCount(123)']) {
        expect(realOutcome(id).kind, id).toBe('throw');
        const p = INVALID.find((x) => x.id === id)!;
        expect(await simulate(async () => invoke(await loggedOut(createSimulator()), p)), id).toMatchObject({ kind: 'reject', code: 10004 });
      }
    });
  });

  it("the rejection carries code, message and data as enumerable own fields, as the SDK's does", async () => {
    expect(realOutcome(QUIT.id)).toMatchObject({ ownKeys: ['code', 'message', 'data'] });
    const sim = await simulate(() => invoke(createSimulator().login('alice'), QUIT));
    for (const key of ['code', 'message', 'data']) expect((sim as { ownKeys: string[] }).ownKeys).toContain(key);
    // both are Errors whose code and message read the same way
    expect(sim).toMatchObject({ kind: 'reject', code: 2623, isError: true });
  });
});

// ---- what needs a logged-in SDK ----

interface Fixture {
  sim: Simulator;
  alice: Chat;
  bob: Chat;
  pub: string;
  av: string;
  community: string;
}

/** alice owns a Public group (bob a member), an AVChatRoom (bob joined) and a Community. */
async function fixture(): Promise<Fixture> {
  const sim = createSimulator();
  const alice = sim.login('alice');
  const bob = sim.login('bob');
  const pub = (await alice.createGroup({ name: 'P', type: 'Public' })).data.group.groupID as string;
  await sim.admin.addGroupMember({ groupID: pub, userIDList: ['bob'] });
  const av = (await alice.createGroup({ name: 'AV', type: 'AVChatRoom' })).data.group.groupID as string;
  await bob.joinGroup({ groupID: av });
  const community = (await alice.createGroup({ name: 'C', type: 'Community' })).data.group.groupID as string;
  return { sim, alice, bob, pub, av, community };
}

const LOGGED_IN = '(needs a logged-in SDK: simulator against the documented code)';

async function expectCode(p: unknown, code: number): Promise<void> {
  const o = await simulate(() => p);
  expect(o, JSON.stringify(o)).toMatchObject({ kind: 'reject', code });
}

describe(`client-side checks ${LOGGED_IN}`, () => {
  it('2600 ILLEGAL_GRP_TYPE: createGroup with a type outside Public, Private, ChatRoom, AVChatRoom, Community (the native names Work and Meeting included)', async () => {
    const { alice } = await fixture();
    for (const type of ['Bogus', 'Work', 'Meeting', 'private', '']) await expectCode(alice.createGroup({ name: 'G', type }), 2600);
  });

  it('deviation (docs/ambiguities.md A49): createGroup without a type makes a Work group, where the SDK 3.6.6 code answers 2600', async () => {
    const { alice } = await fixture();
    const r = await alice.createGroup({ name: 'G' } as Parameters<Chat['createGroup']>[0]);
    expect(r.data.group.type).toBe('Private');
  });

  it('2602 ILLEGAL_GRP_ID: a Community ID without @TGS#_, or a non-Community ID with it', async () => {
    const { alice } = await fixture();
    await expectCode(alice.createGroup({ name: 'G', type: 'Community', groupID: 'guild' }), 2602);
    for (const type of ['Public', 'Private', 'ChatRoom', 'AVChatRoom']) await expectCode(alice.createGroup({ name: 'G', type, groupID: '@TGS#_guild' }), 2602);
  });

  it('2620 CANNOT_CHANGE_OWNER_IN_AV: changeGroupOwner in a joined AVChatRoom, checked before 2621', async () => {
    const { alice, bob, av } = await fixture();
    await expectCode(alice.changeGroupOwner({ groupID: av, newOwnerID: 'bob' }), 2620);
    await expectCode(bob.changeGroupOwner({ groupID: av, newOwnerID: 'alice' }), 2620);
    await expectCode(alice.changeGroupOwner({ groupID: av, newOwnerID: 'alice' }), 2620);
  });

  it('2621 CANNOT_CHANGE_OWNER_TO_SELF: newOwnerID is the caller, whatever the group (the SDK asks no server)', async () => {
    const { alice, bob, pub } = await fixture();
    await expectCode(alice.changeGroupOwner({ groupID: pub, newOwnerID: 'alice' }), 2621);
    await expectCode(bob.changeGroupOwner({ groupID: pub, newOwnerID: 'bob' }), 2621);
    await expectCode(alice.changeGroupOwner({ groupID: 'no-such-group', newOwnerID: 'alice' }), 2621);
  });

  it('2623 MEMBER_NOT_IN_GRP: quitGroup of a group neither joined nor a joined AVChatRoom', async () => {
    const { sim, pub } = await fixture();
    const carol = sim.login('carol');
    await expectCode(carol.quitGroup(pub), 2623);
    await expectCode(carol.quitGroup('no-such-group'), 2623);
  });

  it('2661 CANNOT_ADD_MEMBER_IN_AV: addGroupMember in a joined AVChatRoom', async () => {
    const { alice, bob, av } = await fixture();
    await expectCode(alice.addGroupMember({ groupID: av, userIDList: ['carol'] }), 2661);
    await expectCode(bob.addGroupMember({ groupID: av, userIDList: ['carol'] }), 2661);
  });

  it('2681 NOT_OWNER: setGroupMemberRole in a joined group by a non-owner, checked before the role (2683)', async () => {
    const { bob, pub } = await fixture();
    await expectCode(bob.setGroupMemberRole({ groupID: pub, userID: 'alice', role: 'Admin' }), 2681);
    await expectCode(bob.setGroupMemberRole({ groupID: pub, userID: 'alice', role: 'Bogus' }), 2681);
  });

  it('2683 INVALID_MEMBER_ROLE: a role other than Admin or Member (Custom only in a Community), checked before 2684', async () => {
    const { alice, pub } = await fixture();
    for (const role of ['Bogus', 'Owner', 'Custom', 'admin']) await expectCode(alice.setGroupMemberRole({ groupID: pub, userID: 'bob', role }), 2683);
    await expectCode(alice.setGroupMemberRole({ groupID: pub, userID: 'alice', role: 'Bogus' }), 2683);
    await expectCode(alice.setGroupMemberRole({ groupID: 'no-such-group', userID: 'bob', role: 'Bogus' }), 2683);
  });

  it('2684 CANNOT_SET_SELF_MEMBER_ROLE: the caller names themself with a valid role', async () => {
    const { alice, pub } = await fixture();
    await expectCode(alice.setGroupMemberRole({ groupID: pub, userID: 'alice', role: 'Member' }), 2684);
    await expectCode(alice.setGroupMemberRole({ groupID: 'no-such-group', userID: 'alice', role: 'Admin' }), 2684);
  });

  it('2685 CANNOT_MUTE_SELF: setGroupMemberMuteTime on oneself, the first check (any group, any role)', async () => {
    const { alice, bob, pub } = await fixture();
    await expectCode(alice.setGroupMemberMuteTime({ groupID: pub, userID: 'alice', muteTime: 60 }), 2685);
    await expectCode(bob.setGroupMemberMuteTime({ groupID: pub, userID: 'bob', muteTime: 60 }), 2685);
    await expectCode(alice.setGroupMemberMuteTime({ groupID: 'no-such-group', userID: 'alice', muteTime: 0 }), 2685);
  });

  it('2686 BAN_DURATION_INVALID: deleteGroupMember in an AVChatRoom is a ban and needs a duration above 0', async () => {
    const { alice, av } = await fixture();
    await expectCode(alice.deleteGroupMember({ groupID: av, userIDList: ['bob'] }), 2686);
    await expectCode(alice.deleteGroupMember({ groupID: av, userIDList: ['bob'], duration: 0 }), 2686);
  });

  it('2687 OPERATION_NOT_SUPPORTED_IN_AV: name cards, member custom fields and member profiles in a joined AVChatRoom', async () => {
    const { bob, av } = await fixture();
    await expectCode(bob.setGroupMemberNameCard({ groupID: av, nameCard: 'B' }), 2687);
    await expectCode(bob.setGroupMemberCustomField({ groupID: av, memberCustomField: [{ key: 'k', value: 'v' }] }), 2687);
    await expectCode(bob.getGroupMemberProfile({ groupID: av, userIDList: ['alice'] }), 2687);
  });

  it('2603 CANNOT_FIND_GRP: deleteGroupMember of a group not in the local list (checked before the AVChatRoom ban path)', async () => {
    const { alice } = await fixture();
    await expectCode(alice.deleteGroupMember({ groupID: 'no-such-group', userIDList: ['bob'] }), 2603);
  });

  it('a refused check changes nothing: the groups read the same before and after every 26xx refusal above', async () => {
    const f = await fixture();
    const before = JSON.stringify((await f.alice.getGroupList()).data);
    await simulate(() => f.alice.changeGroupOwner({ groupID: f.av, newOwnerID: 'bob' }));
    await simulate(() => f.alice.addGroupMember({ groupID: f.av, userIDList: ['carol'] }));
    await simulate(() => f.alice.setGroupMemberRole({ groupID: f.pub, userID: 'bob', role: 'Owner' }));
    await simulate(() => f.alice.deleteGroupMember({ groupID: f.av, userIDList: ['bob'] }));
    expect(JSON.stringify((await f.alice.getGroupList()).data)).toBe(before);
  });
});
