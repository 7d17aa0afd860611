/**
 * The team-rooms service against groupspec's fake, through the alias in vitest.config.mjs: the
 * code under test imports '@tencentcloud/chat' and gets 'groupspec/chat'. (Globals are on, so this
 * file imports nothing from vitest.)
 */
import TencentCloudChat from 'groupspec/chat';
import { TeamRooms } from '../src/team-rooms';

const SDKAppID = 1400000001;
const { groupspec } = TencentCloudChat;

beforeEach(() => groupspec.reset());

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: number }).code;
  }
}

test('an owner creates a room; a request waits for approval; once approved the user is a member', async () => {
  const alice = await TeamRooms.connect(SDKAppID, 'alice', 'sig');
  const bob = await TeamRooms.connect(SDKAppID, 'bob', 'sig');
  const room = await alice.createRoom('Design');
  expect(room.owner).toBe('alice');

  expect(await bob.askToJoin(room.roomID, 'hi, I am Bob')).toBe('pending');
  expect(await bob.myRooms()).toEqual([]);
  const [request, ...rest] = await alice.pendingRequests();
  expect(rest).toEqual([]);
  expect([request!.userID, request!.roomID, request!.note]).toEqual(['bob', room.roomID, 'hi, I am Bob']);

  await alice.approve(request!);
  expect(await bob.myRooms()).toEqual(['Design']);
  expect(await alice.members(room.roomID)).toEqual(['alice', 'bob']);
  expect(await alice.pendingRequests()).toEqual([]);
});

test('a rejected request leaves the user out; approving it again is refused with 10024', async () => {
  const alice = await TeamRooms.connect(SDKAppID, 'alice', 'sig');
  const bob = await TeamRooms.connect(SDKAppID, 'bob', 'sig');
  const room = await alice.createRoom('Ops');
  await bob.askToJoin(room.roomID, 'please');
  const [request] = await alice.pendingRequests();
  await alice.reject(request!, 'not now');
  expect(await alice.members(room.roomID)).toEqual(['alice']);
  expect(await codeOf(alice.approve(request!))).toBe(10024);
});

test('inviting into a room is refused with 10007 (in a Public group only the app admin adds people by default)', async () => {
  const alice = await TeamRooms.connect(SDKAppID, 'alice', 'sig');
  const room = await alice.createRoom('Platform');
  expect(await codeOf(alice.invite(room.roomID, ['carol']))).toBe(10007);
  // the app's backend (the app admin, REST) can: the test seeds it through the fake's admin
  await groupspec.admin.importAccount({ userID: 'carol' });
  await groupspec.admin.addGroupMember({ groupID: room.roomID, userIDList: ['carol'] });
  expect(await alice.members(room.roomID)).toEqual(['alice', 'carol']);
});

test('a member leaves; the owner cannot leave (10009) but can close the room', async () => {
  const alice = await TeamRooms.connect(SDKAppID, 'alice', 'sig');
  const carol = await TeamRooms.connect(SDKAppID, 'carol', 'sig');
  const room = await alice.createRoom('Platform');
  await carol.askToJoin(room.roomID, 'me too');
  await alice.approve((await alice.pendingRequests())[0]!);
  expect(await carol.myRooms()).toEqual(['Platform']);
  await carol.leave(room.roomID);
  expect(await alice.members(room.roomID)).toEqual(['alice']);
  expect(await codeOf(alice.leave(room.roomID))).toBe(10009);
  await alice.close(room.roomID);
  expect(await alice.myRooms()).toEqual([]);
});

test('a second login of the same user kicks the first session out', async () => {
  const first = await TeamRooms.connect(SDKAppID, 'alice', 'sig');
  await TeamRooms.connect(SDKAppID, 'alice', 'sig');
  expect(await codeOf(first.myRooms())).toBe(3003);
});
