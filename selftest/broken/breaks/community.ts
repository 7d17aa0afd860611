/** Breaks of the community area: the ID prefix, join options and topic support. */
import { type Break } from '../decorate';
import { admitsOutsiders, memoMap, ok } from '../kit';
import { groupInfoFromMemo } from '../shapes';

export const COMMUNITY_BREAKS: Break[] = [
  {
    id: 'rest-community-id-prefixed-silently',
    rule: 'community.id-prefix-required',
    description: 'REST create_group of a Community under a custom ID without @TGS#_ adds the prefix instead of refusing with 10015',
    interceptor: {
      admin(_ctx, method, arg, next) {
        const a = arg as { type?: unknown; groupID?: unknown } | undefined;
        return method === 'createGroup' && a?.type === 'Community' && typeof a.groupID === 'string' && a.groupID !== '' && !a.groupID.startsWith('@TGS#_')
          ? next({ ...a, groupID: `@TGS#_${a.groupID}` })
          : next();
      },
    },
  },
  {
    id: 'community-defaults-to-need-permission',
    rule: 'community.free-join-by-default',
    description: 'a Community created without joinOption needs approval to join (NeedPermission) instead of free access',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const a = arg as { type?: unknown; joinOption?: unknown } | undefined;
        return method === 'createGroup' && a?.type === 'Community' && a.joinOption === undefined ? next({ ...a, joinOption: 'NeedPermission' }) : next();
      },
    },
  },
  {
    id: 'community-disable-apply-admits',
    rule: 'community.join-approval-configurable',
    description: 'a Community whose joinOption is DisableApply admits a join request at once',
    interceptor: admitsOutsiders('Community', 'DisableApply'),
  },
  {
    id: 'public-reports-topic-support',
    rule: 'community.topic-support-chosen-at-creation',
    description: 'a Public group created with isSupportTopic true reports topic support (only a Community may have it)',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const r = await next();
        if (method === 'createGroup' && r.data.group?.type === 'Public' && (arg as { isSupportTopic?: unknown } | undefined)?.isSupportTopic === true) {
          memoMap<string, true>(ctx, 'topics').set(r.data.group.groupID, true);
          return ok({ ...r.data, group: { ...r.data.group, isSupportTopic: true } });
        }
        return r;
      },
      ...groupInfoFromMemo<true>('topics', (info) => ({ ...info, isSupportTopic: true })),
    },
  },
];
