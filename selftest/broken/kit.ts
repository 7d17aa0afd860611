/**
 * Tools the breaks share: reading the app behind the scenes (through the untouched admin surface
 * and sessions), answering a call differently, and editing what sessions are shown as delivered
 * (hiding the events one call delivered, or adding one that was never sent).
 *
 * Event edits are anchored at positions in a session's raw event log, which only grows, so the
 * edited log is stable: what a session was shown once stays where it was, and the suite's
 * "events since the last action" cursors keep working.
 */
import type { CallResult, DeliveredEvent, Session } from '../../adapters/contract';
import { attempt, refusal, type BreakContext, type Interceptor } from './decorate';

export type Failure = { code: number; message: string; failed: true };
export type Outcome = CallResult | Failure;

export function isFailure(r: Outcome): r is Failure {
  return 'failed' in r;
}

/** Rejects again with the refusal an attempt caught. */
export function rethrow(r: Failure): never {
  throw refusal(r.code, r.message);
}

export function ok(data: unknown): CallResult {
  return { code: 0, data };
}

/** The group a call is about: `arg.groupID`, or the argument itself for the calls that take an ID. */
export function groupOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const g = (arg as { groupID?: unknown } | null | undefined)?.groupID;
  return typeof g === 'string' ? g : undefined;
}

/** The users a call names in `arg.userIDList` (none if it is not a list). */
export function usersOf(arg: unknown): string[] {
  const l = (arg as { userIDList?: unknown } | undefined)?.userIDList;
  return Array.isArray(l) ? (l as string[]) : [];
}

/** The group as the app admin reads it (REST get_group_info), or undefined if it does not exist. */
export async function groupInfo(ctx: BreakContext, groupID: string | undefined): Promise<any | undefined> {
  if (groupID === undefined) return undefined;
  const r = await attempt(ctx.admin.call('getGroupInfo', { groupID }));
  return isFailure(r) ? undefined : r.data;
}

/** A user's role in a group: Owner, Admin, Member, Custom or NotMember; undefined where REST cannot tell (AVChatRooms). */
export async function roleOf(ctx: BreakContext, groupID: string | undefined, userID: string): Promise<string | undefined> {
  if (groupID === undefined) return undefined;
  const r = await attempt(ctx.admin.call('getRoleInGroup', { groupID, userIDList: [userID] }));
  return isFailure(r) ? undefined : (r.data.userIdList[0]?.role as string | undefined);
}

/** The members as the app admin lists them (not for AVChatRooms). */
export async function membersOf(ctx: BreakContext, groupID: string): Promise<any[]> {
  const r = await attempt(ctx.admin.call('getGroupMemberInfo', { groupID, limit: 200 }));
  return isFailure(r) ? [] : (r.data.memberList as any[]);
}

/** The group a joinGroup by a non-member is about, if its type (and join option, if given) match. */
export async function outsiderJoining(ctx: BreakContext, userID: string, method: string, arg: unknown, type: string, joinOption?: string): Promise<string | undefined> {
  if (method !== 'joinGroup') return undefined;
  const g = groupOf(arg);
  const info = await groupInfo(ctx, g);
  if (info === undefined || info.type !== type || (joinOption !== undefined && info.joinOption !== joinOption)) return undefined;
  return (await roleOf(ctx, g, userID)) === 'NotMember' ? g : undefined;
}

/** A break that admits, at once (JoinedSuccess), a non-member's joinGroup of a group of this type and join option. */
export function admitsOutsiders(type: string, joinOption?: string): Interceptor {
  return {
    async call(ctx, s, method, arg, next) {
      const g = await outsiderJoining(ctx, s.userID, method, arg, type, joinOption);
      return g === undefined ? next() : joinBehindTheScenes(ctx, s, g);
    },
  };
}

/** A user's first session that is still logged in, untouched by the break. */
export function liveSession(ctx: BreakContext, userID: string): Session | undefined {
  return (ctx.sessions.get(userID) ?? []).find((s) => !ctx.loggedOut.has(s) && !isReplaced(ctx, s));
}

/** The group a handleGroupApplication call is about: its application item's or its notice's. */
export function decidedGroup(arg: unknown): string | undefined {
  const a = arg as { application?: { groupID?: string }; message?: { payload?: { groupProfile?: { groupID?: string } } } } | undefined;
  return a?.application?.groupID ?? a?.message?.payload?.groupProfile?.groupID;
}

/** Whether a later login on the same device replaced this session. */
export function isReplaced(ctx: BreakContext, s: Session): boolean {
  const all = ctx.sessions.get(s.userID) ?? [];
  return all.slice(all.indexOf(s) + 1).some((later) => later.device === s.device);
}

export function isFirstDevice(ctx: BreakContext, s: Session): boolean {
  const first = ctx.sessions.get(s.userID)?.[0];
  return first === undefined || first.device === s.device;
}

export function allSessions(ctx: BreakContext): Session[] {
  return [...ctx.sessions.values()].flat();
}

/** UTF-8 bytes, the unit of the documented limits. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The break's value under `key` in this app, made on first use. */
function memo<T>(ctx: BreakContext, key: string, make: () => T): T {
  if (!ctx.memo.has(key)) ctx.memo.set(key, make());
  return ctx.memo.get(key) as T;
}

/** Per-app memo of a Map. */
export function memoMap<K, V>(ctx: BreakContext, key: string): Map<K, V> {
  return memo(ctx, key, () => new Map<K, V>());
}

export function memoSet<V>(ctx: BreakContext, key: string): Set<V> {
  return memo(ctx, key, () => new Set<V>());
}

// ---- messages ----

const KIND = { tip: 'TIMGroupTipElem', notice: 'TIMGroupSystemNoticeElem', custom: 'TIMCustomElem' } as const;

/** Whether a delivered message is a tip / system notice of an operation type, optionally about a group. */
export function isMessage(m: any, kind: keyof typeof KIND, op?: number, groupID?: string): boolean {
  if (m?.type !== KIND[kind]) return false;
  if (op !== undefined && m.payload?.operationType !== op) return false;
  if (groupID !== undefined && messageGroup(m) !== groupID) return false;
  return true;
}

export function messageGroup(m: any): string | undefined {
  return m?.type === KIND.custom ? m.to : m?.payload?.groupProfile?.groupID;
}

export function isGroupCreateMessage(m: any): boolean {
  if (m?.type !== KIND.custom) return false;
  try {
    return (JSON.parse(m.payload.data) as { businessID?: unknown }).businessID === 'group_create';
  } catch {
    return false;
  }
}

/** Rewrites the messages of MESSAGE_RECEIVED events (stateless; `undefined` drops a message). */
export function mapMessages(events: DeliveredEvent[], f: (m: any, e: DeliveredEvent) => any): DeliveredEvent[] {
  const out: DeliveredEvent[] = [];
  for (const e of events) {
    if (e.name !== 'onMessageReceived' || !Array.isArray(e.data)) {
      out.push(e);
      continue;
    }
    const data = (e.data as any[]).map((m) => f(m, e)).filter((m) => m !== undefined);
    if (data.length > 0) out.push({ ...e, data });
  }
  return out;
}

// ---- anchored event edits ----

interface Edits {
  /** `i` hides raw event i; `i:j` hides message j of raw event i. */
  hidden: Set<string>;
  /** Events shown before raw event i (i = the log's length at the time: after everything so far). */
  injected: Map<number, DeliveredEvent[]>;
}

function editsOf(ctx: BreakContext, s: Session): Edits {
  const all = memoMap<Session, Edits>(ctx, 'kit:edits');
  if (!all.has(s)) all.set(s, { hidden: new Set(), injected: new Map() });
  return all.get(s)!;
}

/** Which of a call's deliveries to hide: an event (m undefined) or one message of a MESSAGE_RECEIVED event. */
export type HidePredicate = (s: Session, e: DeliveredEvent, m: any | undefined) => boolean;

/** Runs a call and hides, from every session, the deliveries it made that `hide` selects. */
export async function hiding<T>(ctx: BreakContext, hide: HidePredicate, run: () => Promise<T>): Promise<T> {
  const before = new Map<Session, number>();
  for (const s of allSessions(ctx)) before.set(s, (await s.events()).length);
  try {
    return await run();
  } finally {
    for (const s of allSessions(ctx)) {
      const events = await s.events();
      const edits = editsOf(ctx, s);
      for (let i = before.get(s) ?? 0; i < events.length; i++) {
        const e = events[i]!;
        if (e.name === 'onMessageReceived' && Array.isArray(e.data)) {
          (e.data as any[]).forEach((m, j) => {
            if (hide(s, e, m)) edits.hidden.add(`${i}:${j}`);
          });
        } else if (hide(s, e, undefined)) edits.hidden.add(String(i));
      }
    }
  }
}

/** Shows a session an event it was never delivered, after everything it has received so far. */
export async function inject(ctx: BreakContext, s: Session, event: DeliveredEvent): Promise<void> {
  const at = (await s.events()).length;
  const edits = editsOf(ctx, s);
  edits.injected.set(at, [...(edits.injected.get(at) ?? []), event]);
}

/** The events hook of every break that hides or injects: applies the anchored edits. */
export function edited(ctx: BreakContext, s: Session, events: DeliveredEvent[]): DeliveredEvent[] {
  const edits = memoMap<Session, Edits>(ctx, 'kit:edits').get(s);
  if (edits === undefined) return events;
  const out: DeliveredEvent[] = [];
  for (let i = 0; i <= events.length; i++) {
    out.push(...(edits.injected.get(i) ?? []));
    const e = events[i];
    if (e === undefined || edits.hidden.has(String(i))) continue;
    if (e.name === 'onMessageReceived' && Array.isArray(e.data)) {
      const data = (e.data as any[]).filter((_m, j) => !edits.hidden.has(`${i}:${j}`));
      if (data.length > 0) out.push(data.length === e.data.length ? e : { ...e, data });
    } else out.push(e);
  }
  return out;
}

/** An interceptor whose SDK calls of some methods are wrapped; the events hook applies the edits. */
export function withEdits(i: Interceptor): Interceptor {
  return { ...i, events: i.events ?? edited };
}

// ---- answers in the SDK's shape ----

/** The group's profile as a session sees it (getGroupProfile), for answers a break makes up. */
export async function profileFor(s: Session, groupID: string): Promise<any> {
  return (await s.call('getGroupProfile', { groupID })).data.group;
}

/** Adds users through REST behind the scenes and answers as the SDK's addGroupMember would. */
export async function addBehindTheScenes(ctx: BreakContext, s: Session, groupID: string, userIDList: string[], silence = false): Promise<CallResult> {
  const r = await ctx.admin.call('addGroupMember', { groupID, userIDList, silence });
  const by = (n: number) => (r.data.memberList as Array<{ userID: string; result: number }>).filter((m) => m.result === n).map((m) => m.userID);
  const lists = { successUserIDList: by(1), failureUserIDList: by(0), existedUserIDList: by(2), overLimitUserIDList: [] as string[] };
  return ok(lists.successUserIDList.length > 0 ? { ...lists, group: await profileFor(s, groupID) } : lists);
}

/** Joins a user behind the scenes (REST add) and answers as joinGroup's JoinedSuccess. */
export async function joinBehindTheScenes(ctx: BreakContext, s: Session, groupID: string): Promise<CallResult> {
  await ctx.admin.call('addGroupMember', { groupID, userIDList: [s.userID] });
  return ok({ status: 'JoinedSuccess', group: await profileFor(s, groupID) });
}

/** A member as the SDK's member calls return it: from REST's member list, or made up for an AVChatRoom (which keeps none). */
export async function memberFor(ctx: BreakContext, groupID: string, userID: string): Promise<any> {
  const found = (await membersOf(ctx, groupID)).find((m) => m.userID === userID);
  return found ?? { userID, nick: '', avatar: '', role: 'Member', joinTime: 0, nameCard: '', muteUntil: 0, memberCustomField: [] };
}

/** The answer of setGroupMemberRole / MuteTime / NameCard / CustomField: the group and the member. */
export async function memberAnswer(ctx: BreakContext, s: Session, groupID: string, userID: string, change: Record<string, unknown> = {}): Promise<CallResult> {
  return ok({ group: await profileFor(s, groupID), member: { ...(await memberFor(ctx, groupID, userID)), ...change } });
}

/** The group for an answer a break makes up: as the session sees it, else (if it may not read it) as REST does, in the SDK's shape. */
export async function groupAnswer(ctx: BreakContext, s: Session, groupID: string): Promise<any> {
  const seen = await attempt(s.call('getGroupProfile', { groupID }));
  if (!isFailure(seen)) return seen.data.group;
  const info = await groupInfo(ctx, groupID);
  return { ...info, memberCount: info?.memberNum ?? 0, maxMemberCount: info?.maxMemberNum ?? 0, selfInfo: {} };
}
