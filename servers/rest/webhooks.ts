/**
 * Tencent's group webhooks ("third-party callbacks"), sent by the emulated service to the app's
 * callback URL: `POST <url>?SdkAppid=&CallbackCommand=&contenttype=json&ClientIP=&OptPlatform=`
 * with the documented JSON body (https://www.tencentcloud.com/document/product/1047/34354 and the
 * pages of "Group Webhooks", cited per command below).
 *
 * Hooked into the Service (CommandHooks), so SDK-side and REST-side operations fire them alike and
 * the core stays pure. What the pages say, and what the emulator does:
 * - "Webhook before an action occurs: [...] Chat will determine the subsequent processing flow
 *   based on the return code of the webhook"; "Webhook after an action occurs: [...] Chat ignores
 *   the return codes" (1047/34354). "Before" callbacks are awaited; "after" callbacks are sent in
 *   order, one at a time, after the operation, their answers unread.
 * - The answer's ErrorCode: "0 indicates that the processing of the request may continue. 1
 *   indicates that the request is refused. [...] to refuse with an error code of your own, send
 *   ErrorCode and ErrorInfo to the client, with ErrorCode in the range [10100, 10200]" (1047/34371,
 *   read in its Japanese edition). ErrorCode 1 (any non-zero code outside that range) fails the
 *   operation with 10016, "the app backend rejected this operation through a third-party callback"
 *   (Tencent's error-code table); a code in [10100, 10200] reaches the caller as it is, with the
 *   ErrorInfo as its message. Either way nothing changes.
 * - "The app backend refuses some of the users in the request: return them in
 *   RefusedMembers_Account" (1047/34371): those invitees are not added, the others are.
 * - A callback that times out or fails: the pages found say the before-message callback times out
 *   after 2 s ("消息前回调默认2s超时", cloud.tencent.com/document/product/269/1522) but not what a
 *   timed-out or failed group callback does; the emulator lets the operation proceed
 *   (docs/ambiguities.md#a74-callback-timeout-default).
 * - Order: a "before" callback fires once the service's own checks pass (a trial run in the shell),
 *   "before the Chat backend adds the target user to the group (or after the friendship
 *   verification is passed [...])" (1047/34371): an operation the service refuses anyway fires none
 *   (docs/ambiguities.md#a72-before-callback-order).
 * - Silence: add_group_member and delete_group_member with `Silence: 1` notify no member, but the
 *   after-callbacks list "The app admin adds a user to a group through the RESTful API" (1047/34372)
 *   and "deletes a group member through the RESTful API" (1047/34373) without exception, so they
 *   fire (docs/ambiguities.md#a73-silent-changes-and-callbacks).
 */
import type { Refusal } from '../../simulator/core/errors';
import { ChatError, ERR } from '../../simulator/core/errors';
import { TYPES } from '../../simulator/core/constants';
import type { Delivery } from '../../simulator/core';
import type { GroupRecord } from '../../simulator/core/state';
import type { Amendment, CommandCall, CommandHooks, Service } from '../../simulator/shell/service';
import { refusedInvitees, silentChange } from './webhook-members';

export interface WebhookOptions {
  callbackUrl: string;
  sdkAppID: number;
  /** How long a "before" callback may take (default 2000 ms); after that the operation proceeds. */
  timeoutMs?: number;
  /** The ClientIP query value (default 127.0.0.1). */
  clientIP?: string;
}

export interface SentCallback {
  command: string;
  body: Record<string, unknown>;
  /** The receiver's answer, when it gave a JSON one in time. */
  answer?: Record<string, unknown>;
  /** Why there is no usable answer: 'timeout', an HTTP status, a network error. */
  failure?: string;
}

type Body = Record<string, unknown>;
const members = (ids: Iterable<string>) => [...ids].map((Member_Account) => ({ Member_Account }));
const operatorOf = (call: CommandCall) => (call.actor.kind === 'user' ? call.actor.userID : call.actor.adminID);
/** The Web SDK's platform name in the OptPlatform list; REST calls are "RESTAPI". */
const platformOf = (call: CommandCall) => (call.actor.kind === 'user' ? 'Web' : 'RESTAPI');
const REST_TYPE: Record<string, string> = { Work: 'Private', Meeting: 'ChatRoom' };
/** The ErrorCode range an app backend may answer to refuse with a code of its own (1047/34371). */
const APP_CODES = [10100, 10200] as const;

/** The group a command names, as it was before the command: the after-callbacks of a dismissal need it. */
interface Prior {
  type: string;
  name: string;
  ownerID: string;
  members: string[];
}

export class Webhooks implements CommandHooks {
  readonly sent: SentCallback[] = [];
  private readonly prior = new WeakMap<CommandCall, Prior>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly service: Service<any>,
    private readonly options: WebhookOptions,
  ) {}

  /** Installs the webhooks on the service (they stay until `service.hooks` is cleared). */
  static install(service: Service<any>, options: WebhookOptions): Webhooks {
    const hooks = new Webhooks(service, options);
    service.hooks = hooks;
    return hooks;
  }

  /** Resolves once every after-callback queued so far has been sent. */
  idle(): Promise<void> {
    return this.queue;
  }

  async before(call: CommandCall): Promise<Refusal | Amendment | undefined> {
    const input = (call.input ?? {}) as Record<string, unknown>;
    const groupID = typeof call.input === 'string' ? call.input : typeof input.groupID === 'string' ? input.groupID : undefined;
    const g = groupID === undefined ? undefined : this.service.state.groups.get(groupID);
    if (g !== undefined) this.prior.set(call, { type: g.type, name: g.name, ownerID: g.ownerID, members: memberIDs(g) });
    const body = this.beforeBody(call, input, g);
    if (body === undefined) return undefined;
    const sent = await this.post(call, body, true);
    const code = sent.answer?.ErrorCode;
    const info = typeof sent.answer?.ErrorInfo === 'string' ? sent.answer.ErrorInfo : '';
    if (typeof code === 'number' && code >= APP_CODES[0] && code <= APP_CODES[1]) {
      // the app backend's own code, "sent to the client" with its ErrorInfo (1047/34371)
      throw new ChatError(code, info === '' ? `${String(body.CallbackCommand)} refused the operation with ${code}` : info, { callbackCommand: body.CallbackCommand });
    }
    if (typeof code === 'number' && code !== 0) {
      return { code: ERR.CALLBACK_REJECTED, detail: `${String(body.CallbackCommand)} answered ErrorCode ${code}${info === '' ? '' : `: ${info}`}` };
    }
    if (body.CallbackCommand === 'Group.CallbackBeforeInviteJoinGroup') return refusedInvitees(call, sent.answer?.RefusedMembers_Account);
    return undefined;
  }

  after(call: CommandCall, data: unknown, deliveries: readonly Delivery[]): void {
    for (const body of this.afterBodies(call, data, deliveries)) {
      this.queue = this.queue.then(() => this.post(call, body, false).then(() => undefined));
    }
  }

  private eventTime(): number {
    return this.service.clock.now();
  }

  private beforeBody(call: CommandCall, input: Record<string, unknown>, g: GroupRecord | undefined): Body | undefined {
    const operator = operatorOf(call);
    switch (call.name) {
      case 'createGroup': {
        // Before a Group Is Created (1047/34368)
        const owner = call.actor.kind === 'user' ? operator : typeof input.ownerAccount === 'string' ? input.ownerAccount : '';
        const type = REST_TYPE[String(input.type)] ?? String(input.type ?? 'Private');
        const list = Array.isArray(input.memberList) ? (input.memberList as Array<{ userID: string }>).map((m) => m.userID) : [];
        let created = 0;
        for (const x of this.service.state.groups.values()) if (x.creatorID === owner && x.type === type) created++;
        return { CallbackCommand: 'Group.CallbackBeforeCreateGroup', Operator_Account: operator, Owner_Account: owner, Type: type, Name: input.name, CreateGroupNum: created, MemberList: members(list), EventTime: this.eventTime() };
      }
      case 'joinGroup':
        // Before Applying to Join a Group (1047/34370); AVChatRooms are entered, not applied to
        if (g === undefined || call.actor.kind !== 'user' || g.type === 'AVChatRoom') return undefined;
        return { CallbackCommand: 'Group.CallbackBeforeApplyJoinGroup', GroupId: g.groupID, Type: g.type, Requestor_Account: operator, EventTime: this.eventTime() };
      case 'addGroupMember':
        // Before Inviting a User to a Group (1047/34371): "An app user sends a request to invite
        // another user to join the group on the client. The app admin adds a user to a group
        // through the RESTful API."
        if (g === undefined) return undefined;
        return { CallbackCommand: 'Group.CallbackBeforeInviteJoinGroup', GroupId: g.groupID, Type: g.type, Operator_Account: operator, DestinationMembers: members((input.userIDList as string[]) ?? []), EventTime: this.eventTime() };
      default:
        return undefined;
    }
  }

  private afterBodies(call: CommandCall, data: unknown, deliveries: readonly Delivery[]): Body[] {
    const out: Body[] = [];
    const operator = operatorOf(call);
    const time = this.eventTime();
    const prior = this.prior.get(call);
    if (call.name === 'createGroup') {
      // After a Group Is Created (1047/34369)
      const groupID = (data as { groupID?: string; group?: { groupID?: string } }).groupID ?? (data as { group?: { groupID?: string } }).group?.groupID;
      const g = groupID === undefined ? undefined : this.service.state.groups.get(groupID);
      if (g !== undefined) out.push({ CallbackCommand: 'Group.CallbackAfterCreateGroup', GroupId: g.groupID, Type: g.type, Operator_Account: operator, Owner_Account: g.ownerID, Name: g.name, MemberList: members(memberIDs(g)), EventTime: time });
    }
    if ((call.name === 'dismissGroup' || call.name === 'destroyGroup') && prior !== undefined) {
      // After a Group Is Disbanded (1047/34377)
      const groupID = typeof call.input === 'string' ? call.input : (call.input as { groupID: string }).groupID;
      out.push({ CallbackCommand: 'Group.CallbackAfterGroupDestroyed', GroupId: groupID, Type: prior.type, Owner_Account: prior.ownerID, Name: prior.name, MemberList: members(prior.members), EventTime: time });
    }
    // a silent change delivers no tip, but the after-callbacks still fire (A73)
    const silent = silentChange(call, data, prior?.members);
    if (silent?.joined !== undefined && silent.joined.length > 0) {
      out.push({ CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId: silent.groupID, Type: prior?.type ?? '', JoinType: 'Invited', Operator_Account: operator, NewMemberList: members(silent.joined), EventTime: time });
    }
    if (silent?.exited !== undefined && silent.exited.length > 0) {
      out.push({ CallbackCommand: 'Group.CallbackAfterMemberExit', GroupId: silent.groupID, Type: prior?.type ?? '', ExitType: 'Kicked', Operator_Account: operator, ExitMemberList: members(silent.exited), EventTime: time });
    }
    for (const d of deliveries) {
      if (d.kind !== 'tip') continue;
      const g = this.service.state.groups.get(d.groupID);
      const type = g?.type ?? prior?.type ?? '';
      const p = d.payload;
      if (p.operationType === TYPES.GRP_TIP_MBR_JOIN) {
        // After a User Joins a Group (1047/34372)
        const joinType = call.name === 'joinGroup' || (call.name === 'handleGroupApplication' && isJoinRequest(call.input)) ? 'Apply' : 'Invited';
        out.push({ CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId: d.groupID, Type: type, JoinType: joinType, Operator_Account: p.operatorID, NewMemberList: members(p.userIDList), EventTime: time });
      } else if (p.operationType === TYPES.GRP_TIP_MBR_QUIT || p.operationType === TYPES.GRP_TIP_MBR_KICKED_OUT) {
        // After a User Leaves a Group (1047/34373)
        out.push({ CallbackCommand: 'Group.CallbackAfterMemberExit', GroupId: d.groupID, Type: type, ExitType: p.operationType === TYPES.GRP_TIP_MBR_QUIT ? 'Quit' : 'Kicked', Operator_Account: p.operatorID, ExitMemberList: members(p.userIDList), EventTime: time });
      } else if (p.operationType === TYPES.GRP_TIP_GRP_PROFILE_UPDATED && p.newGroupProfile !== undefined) {
        const changed = p.newGroupProfile;
        if (typeof changed.ownerID === 'string') {
          // Callback After the Group Owner Changed (1047/60396)
          out.push({ CallbackCommand: 'Group.CallbackAfterChangeGroupOwner', GroupId: d.groupID, Type: type, Operator_Account: p.operatorID, NewOwner_Account: changed.ownerID, OldOwner_Account: prior?.ownerID ?? '', EventTime: time });
        }
        // After Group Profile Is Modified (1047/34378): name, introduction, notification, avatar
        const info: Body = {};
        if (typeof changed.name === 'string') info.Name = changed.name;
        if (typeof changed.introduction === 'string') info.Introduction = changed.introduction;
        if (typeof changed.notification === 'string') info.Notification = changed.notification;
        if (typeof changed.avatar === 'string') info.FaceUrl = changed.avatar;
        if (Object.keys(info).length > 0) out.push({ CallbackCommand: 'Group.CallbackAfterGroupInfoChanged', GroupId: d.groupID, Type: type, Operator_Account: p.operatorID, ...info, EventTime: time });
      }
    }
    return out;
  }

  private async post(call: CommandCall, body: Body, awaited: boolean): Promise<SentCallback> {
    const command = String(body.CallbackCommand);
    const record: SentCallback = { command, body };
    this.sent.push(record);
    const url = new URL(this.options.callbackUrl);
    url.searchParams.set('SdkAppid', String(this.options.sdkAppID));
    url.searchParams.set('CallbackCommand', command);
    url.searchParams.set('contenttype', 'json');
    url.searchParams.set('ClientIP', this.options.clientIP ?? '127.0.0.1');
    url.searchParams.set('OptPlatform', platformOf(call));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 2000);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal });
      const text = await res.text();
      if (res.status !== 200) record.failure = `HTTP ${res.status}`;
      else if (awaited) {
        const answer = JSON.parse(text) as unknown;
        if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) record.answer = answer as Record<string, unknown>;
        else record.failure = 'the answer is not a JSON object';
      }
    } catch (e) {
      record.failure = controller.signal.aborted ? 'timeout' : e instanceof Error ? e.message : String(e);
    } finally {
      clearTimeout(timer);
    }
    return record;
  }
}

function memberIDs(g: GroupRecord): string[] {
  const ids: string[] = [];
  g.members.forEach((m) => ids.push(m.userID));
  return ids;
}

function isJoinRequest(input: unknown): boolean {
  const o = input as { application?: { applicationType?: unknown }; message?: unknown } | undefined;
  return o?.application?.applicationType === 0 || (o?.application === undefined && o?.message !== undefined);
}
