/**
 * Reading a group's profile, and the one member setting only its owner may change: the
 * message-receiving option. Both are per-viewer: what `getGroupProfile` shows depends on who asks
 * and which custom fields they ask for.
 */
import type { z } from 'zod';
import { ERR, refuse } from './errors';
import type * as S from './schemas';
import { findGroup, requireMember } from './rules';
import type { Actor, Context } from './state';
import type { Tx } from './tx';
import { groupView, publicGroupView } from './views';

type O<T extends z.ZodType> = z.infer<T>;
type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * Custom fields come only when asked for by key (docs/ambiguities.md#a66-custom-field-filters);
 * `memberCustomFieldFilter` is accepted and ignored, as the SDK's getGroupProfile does.
 */
export function getGroupProfile(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GetGroupProfileOptions']>) {
  const s = tx.state;
  const g = findGroup(s, o.groupID);
  if (!g.members.has(actor.userID) && g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'a Work group profile is visible to its members only');
  const group = g.members.has(actor.userID) ? groupView(s, g, actor.userID) : publicGroupView(s, g);
  const wanted = new Set(o.groupCustomFieldFilter ?? []);
  group.groupCustomField = group.groupCustomField.filter((f) => wanted.has(f.key));
  return { group };
}

/**
 * The caller's own message-receiving option in one group (docs/ambiguities.md#a67-message-remind-type).
 * The options name no user: nobody sets another member's option.
 */
export function setMessageRemindType(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['SetMessageRemindTypeOptions']>) {
  const s = tx.state;
  if (s.groups.get(o.groupID)?.type === 'AVChatRoom') refuse(ERR.OPERATION_NOT_SUPPORTED_IN_AV, 'groupID', 'AVChatRooms store no member settings');
  const self = requireMember(findGroup(s, o.groupID), actor.userID, 'set its message-receiving option');
  tx.set(self, 'messageRemindType', o.messageRemindType);
  return {};
}
