/**
 * A worked example of an in-process adapter: how to plug an implementation into groupspec.
 * Run it with:  groupspec run --adapter adapters/examples/simulator-adapter.ts
 *
 * An adapter module exports `createImplementation()` (it may be async) returning an
 * Implementation (adapters/contract/index.ts). Here the "backend" is groupspec's own simulator reached
 * through its public package API, so the example is complete and runnable; for your backend, replace
 * the three marked places with calls to your server or SDK.
 */
import { CONTRACT_VERSION, GROUP_TYPE_NAMES, type App, type DeliveredEvent, type Implementation, type Session } from '../contract';
import { createSimulator, EVENT, VirtualClock, type Chat } from '../../simulator';

/** The SDK events the suite asserts on; record every one a session receives, in order. */
const EVENTS = [EVENT.MESSAGE_RECEIVED, EVENT.GROUP_LIST_UPDATED, EVENT.GROUP_ATTRIBUTES_UPDATED, EVENT.GROUP_COUNTER_UPDATED, EVENT.KICKED_OUT];

function session(chat: Chat): Session {
  const received: DeliveredEvent[] = [];
  for (const name of EVENTS) chat.on(name, (e) => received.push({ name: e.name, data: e.data }));
  return {
    userID: chat.userID,
    device: chat.device,
    // (1) call your SDK method by name; resolve {code: 0, data}, reject with an Error carrying a numeric `code`
    call: (method, arg) => chat.invoke(method, arg),
    events: async () => [...received],
    logout: async () => {
      await chat.logout();
    },
  };
}

export function createImplementation(): Implementation {
  return {
    name: 'example adapter (the simulator via its package API)',
    contractVersion: CONTRACT_VERSION,
    // declare what you support: anything missing is reported as "not applicable", never as a failure
    capabilities: {
      groupTypes: [...GROUP_TYPE_NAMES],
      operations: ['createGroup', 'joinGroup', 'quitGroup', 'dismissGroup', 'changeGroupOwner', 'getGroupList', 'getGroupProfile', 'updateGroupProfile', 'searchGroupByID', 'addGroupMember', 'deleteGroupMember', 'setGroupMemberRole', 'setGroupMemberMuteTime', 'setGroupMemberNameCard', 'setGroupMemberCustomField', 'getGroupMemberList', 'getGroupMemberProfile', 'setMessageRemindType', 'getGroupApplicationList', 'handleGroupApplication', 'getGroupOnlineMemberCount', 'initGroupAttributes', 'setGroupAttributes', 'deleteGroupAttributes', 'getGroupAttributes', 'setGroupCounters', 'increaseGroupCounter', 'decreaseGroupCounter', 'getGroupCounters'],
      adminOperations: ['createGroup', 'destroyGroup', 'changeGroupOwner', 'addGroupMember', 'deleteGroupMember', 'modifyGroupBaseInfo', 'modifyGroupMemberInfo', 'forbidSendMsg', 'importAccount', 'sendGroupSystemNotification', 'getRoleInGroup', 'getJoinedGroupList', 'getGroupInfo', 'getGroupMemberInfo',
        'importGroup', 'importGroupMember', 'deleteAccounts', 'kick', 'getAVChatRoomMembers', 'modifyGroupAttr', 'setGroupAttr', 'deleteGroupAttr', 'clearGroupAttr', 'getGroupAttr',
        'updateGroupCounter', 'deleteGroupCounter', 'getGroupCounter', 'banGroupMember', 'unbanGroupMember', 'getGroupBanMember'],
      clock: true,
      events: true,
      limitOverrides: true,
    },
    // (2) a fresh, isolated app per scenario: a new tenant, a new database schema, a new SDKAppID…
    async createApp(options = {}): Promise<App> {
      const clock = new VirtualClock();
      const sim = createSimulator({ clock, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.limits === undefined ? {} : { limits: options.limits }), ...(options.customFields === undefined ? {} : { customFields: options.customFields }) });
      return {
        login: async (userID, o) => session(sim.login(userID, o)),
        // (3) the app admin: your server's REST API
        admin: { call: (method, arg) => sim.admin.invoke(method, arg) },
        advanceClock: async (ms) => void clock.advance(ms),
        now: async () => clock.now(),
        close: async () => {},
      };
    },
  };
}
