/** Breaks of the limits area: batch sizes, quotas, member caps and profile field sizes. */
import { refusal, type Break } from '../decorate';
import { ok, utf8Bytes } from '../kit';
import { onRefusal } from '../shapes';

/** The documented member caps by wire type (an AVChatRoom has none). */
const DOCUMENTED_CAP: Record<string, number> = { Private: 200, Public: 2000, ChatRoom: 10000, Community: 100000 };

type Limits = Record<string, any>;

function limitsOf(o: { limits?: Record<string, unknown> }): Limits {
  return { ...(o.limits ?? {}) };
}

/** The cap each type really has in an app the break raised by one, from the options the app was asked for. */
function documentedCaps(options: { limits?: Record<string, unknown> }): Record<string, number> {
  const asked = ((options.limits ?? {}) as Limits).memberCap ?? {};
  return { ...DOCUMENTED_CAP, ...asked };
}

/** Reports every group's cap as documented where it is the raised one (caps chosen at creation are left alone). */
function reportDocumented(value: any, caps: Record<string, number>): any {
  if (Array.isArray(value)) return value.map((v) => reportDocumented(v, caps));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(value)) out[k] = reportDocumented(v, caps);
  const cap = caps[out.type as string];
  if (cap !== undefined) for (const k of ['maxMemberNum', 'maxMemberCount']) if (out[k] === cap + 1) out[k] = cap;
  return out;
}

/** Refuses a profile field longer than `max` in the break's own unit (the field's byte limit was raised). */
function fieldLimit(field: string, max: number, count: (s: string) => number, unit: string) {
  const check = (arg: unknown, next: () => Promise<any>) => {
    const v = (arg as Record<string, unknown> | undefined)?.[field];
    if (typeof v === 'string' && count(v) > max) return Promise.reject(refusal(10004, `Invalid parameter (${field}: ${count(v)} ${unit} > ${max})`));
    return next();
  };
  return {
    call: (_ctx: unknown, _s: unknown, method: string, arg: unknown, next: () => Promise<any>) => (method === 'createGroup' || method === 'updateGroupProfile' ? check(arg, next) : next()),
    admin: (_ctx: unknown, method: string, arg: unknown, next: () => Promise<any>) => (method === 'createGroup' || method === 'modifyGroupBaseInfo' ? check(arg, next) : next()),
  };
}

const characters = (s: string): number => [...s].length;
/** UTF-8 bytes, but a character outside the BMP (4 bytes) counted as 3. */
const bmpBytes = (s: string): number => [...s].reduce((n, c) => n + Math.min(utf8Bytes(c), 3), 0);

export const LIMITS_BREAKS: Break[] = [
  {
    id: 'create-member-list-501-accepted',
    rule: 'limits.create-member-list-500',
    description: "createGroup with 501 users in memberList creates the group with the first 500 and adds the rest, instead of refusing with 10005",
    interceptor: onRefusal('createGroup', 10005, async ({ ctx, arg, next }) => {
      const list = (arg as { memberList?: Array<{ userID: string }> } | undefined)?.memberList ?? [];
      if (list.length <= 500) return undefined;
      const created = await next({ ...(arg as object), memberList: list.slice(0, 500) });
      const groupID = created.data.group.groupID as string;
      for (let i = 500; i < list.length; i += 100) await ctx.admin.call('addGroupMember', { groupID, userIDList: list.slice(i, i + 100).map((m) => m.userID), silence: true });
      return created;
    }),
  },
  {
    id: 'add-member-list-501-accepted',
    rule: 'limits.add-member-list-500',
    description: 'addGroupMember with 501 users adds them in two batches instead of refusing with 10005',
    interceptor: onRefusal('addGroupMember', 10005, async ({ arg, next }) => {
      const users = (arg as { userIDList?: string[] } | undefined)?.userIDList ?? [];
      if (users.length <= 500) return undefined;
      const a = await next({ ...(arg as object), userIDList: users.slice(0, 500) });
      const b = await next({ ...(arg as object), userIDList: users.slice(500) });
      const merged: Record<string, unknown> = { ...b.data };
      for (const k of ['successUserIDList', 'failureUserIDList', 'existedUserIDList', 'overLimitUserIDList']) merged[k] = [...a.data[k], ...b.data[k]];
      return ok(merged);
    }),
  },
  {
    id: 'user-quota-off-by-one',
    rule: 'limits.user-group-quota',
    description: 'the per-user group quota is enforced one group too late: a user may belong to quota + 1 groups',
    interceptor: {
      createApp(o) {
        const limits = limitsOf(o);
        return typeof limits.userGroupQuota === 'number' ? { ...o, limits: { ...limits, userGroupQuota: limits.userGroupQuota + 1 } } : o;
      },
    },
  },
  {
    id: 'daily-quota-off-by-one',
    rule: 'limits.daily-net-creation-quota',
    description: 'the daily creation quota is enforced one creation too late',
    interceptor: {
      createApp(o) {
        const limits = limitsOf(o);
        return typeof limits.dailyNetCreations === 'number' ? { ...o, limits: { ...limits, dailyNetCreations: limits.dailyNetCreations + 1 } } : o;
      },
    },
  },
  {
    id: 'member-cap-off-by-one',
    rule: 'limits.member-cap',
    description: 'every member cap is one higher than documented, while the group profile still reports the documented cap',
    interceptor: {
      createApp(o) {
        const limits = limitsOf(o);
        const caps = documentedCaps(o);
        return { ...o, limits: { ...limits, memberCap: Object.fromEntries(Object.entries(caps).map(([t, n]) => [t, n + 1])) } };
      },
      async call(ctx, _s, method, arg, next) {
        const caps = documentedCaps(ctx.options);
        const a = arg as { type?: string; maxMemberNum?: unknown } | undefined;
        // a cap asked for above the documented one is still refused, as before
        if (method === 'createGroup' && typeof a?.maxMemberNum === 'number' && a.maxMemberNum > (caps[a.type ?? 'Private'] ?? Infinity)) {
          throw refusal(10004, `Invalid parameter (maxMemberNum: ${a.maxMemberNum} exceeds the ${a.type} cap of ${caps[a.type ?? 'Private']})`);
        }
        const r = await next();
        return ok(reportDocumented(r.data, caps));
      },
      async admin(ctx, _method, _arg, next) {
        const r = await next();
        return ok(reportDocumented(r.data, documentedCaps(ctx.options)));
      },
    },
  },
  {
    id: 'name-counted-in-characters',
    rule: 'limits.name-30-bytes',
    description: 'the 30-byte group-name limit is counted in characters: a CJK name of up to 30 characters (up to 90 bytes) is accepted',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...limitsOf(o), nameBytes: 120 } }), ...fieldLimit('name', 30, characters, 'characters') },
  },
  {
    id: 'introduction-counted-in-characters',
    rule: 'limits.introduction-240-bytes',
    description: 'the 240-byte introduction limit is counted in characters',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...limitsOf(o), introductionBytes: 960 } }), ...fieldLimit('introduction', 240, characters, 'characters') },
  },
  {
    id: 'notification-counted-in-characters',
    rule: 'limits.notification-300-bytes',
    description: 'the 300-byte notification limit is counted in characters',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...limitsOf(o), notificationBytes: 1200 } }), ...fieldLimit('notification', 300, characters, 'characters') },
  },
  {
    id: 'avatar-counted-in-characters',
    rule: 'limits.avatar-100-bytes',
    description: 'the 100-byte avatar URL limit is counted in characters',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...limitsOf(o), avatarBytes: 400 } }), ...fieldLimit('avatar', 100, characters, 'characters') },
  },
  {
    id: 'astral-characters-counted-as-three-bytes',
    rule: 'limits.sizes-in-utf8-bytes',
    description: 'field sizes count a character outside the Basic Multilingual Plane (an emoji, 4 UTF-8 bytes) as 3 bytes',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...limitsOf(o), nameBytes: 40 } }), ...fieldLimit('name', 30, bmpBytes, 'bytes') },
  },
  {
    id: 'custom-fields-off-by-one',
    rule: 'limits.custom-field-sizes',
    description: 'a group takes 11 custom fields and values of 513 bytes, a member 6 fields and values of 65 bytes',
    interceptor: {
      createApp(o) {
        const limits = limitsOf(o);
        return { ...o, limits: { ...limits, groupCustomFields: (limits.groupCustomFields ?? 10) + 1, groupCustomValueBytes: (limits.groupCustomValueBytes ?? 512) + 1, memberCustomFields: (limits.memberCustomFields ?? 5) + 1, memberCustomValueBytes: (limits.memberCustomValueBytes ?? 64) + 1 } };
      },
    },
  },
];
