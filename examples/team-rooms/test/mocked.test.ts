/**
 * The same service with the vi.mock recipe instead of the alias (run with vitest.mock.config.mjs,
 * which has no alias): vi.mock swaps the vendor module for groupspec/chat in this file only.
 */
import TencentCloudChat from 'groupspec/chat';
import { TeamRooms } from '../src/team-rooms';

vi.mock('@tencentcloud/chat', async () => ({ default: (await import('groupspec/chat')).default }));

test('vi.mock: the app module gets the fake', async () => {
  TencentCloudChat.groupspec.reset();
  const alice = await TeamRooms.connect(1400000001, 'alice', 'sig');
  const room = await alice.createRoom('Mocked');
  expect(await alice.myRooms()).toEqual(['Mocked']);
  expect((await TencentCloudChat.groupspec.admin.getGroupInfo(room.roomID)).code).toBe(0);
});
