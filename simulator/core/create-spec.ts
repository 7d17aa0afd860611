/**
 * What a group's creation is asked for (createGroupRecord, group-commands.ts), whichever command
 * asks: the SDK's createGroup or the admin's create_group.
 */
import type { GroupType, InviteOption, JoinOption } from './constants';

export interface CreateSpec {
  type: GroupType;
  name: string;
  groupID?: string | undefined;
  introduction?: string | undefined;
  notification?: string | undefined;
  avatar?: string | undefined;
  maxMemberNum?: number | undefined;
  joinOption?: JoinOption | undefined;
  inviteOption?: InviteOption | undefined;
  groupCustomField?: Array<{ key: string; value: string }> | undefined;
  isSupportTopic?: boolean | undefined;
  /** '' creates an ownerless group (app admin only). */
  ownerID: string;
  members: Array<{ userID: string; role?: string | undefined; memberCustomField?: Array<{ key: string; value: string }> | undefined }>;
  memberListLimit: number;
}

/** The profile fields a creation takes from its options, whichever command parsed them. */
type CreationOptions = Partial<Pick<CreateSpec, 'name' | 'groupID' | 'introduction' | 'notification' | 'avatar' | 'maxMemberNum' | 'joinOption' | 'inviteOption' | 'groupCustomField' | 'isSupportTopic'>>;

/**
 * A CreateSpec of one shape whichever command makes it (every field spelt out, in one order):
 * createGroupRecord then reads it monomorphically. `{ ...o, more }` and Object.assign gave it a
 * shape per set of options given, and walked the options' keys (docs/performance.md, round six).
 */
export function creationSpec(o: CreationOptions & { name: string }, type: GroupType, ownerID: string, members: CreateSpec['members'], memberListLimit: number): CreateSpec {
  return {
    type,
    name: o.name,
    groupID: o.groupID,
    introduction: o.introduction,
    notification: o.notification,
    avatar: o.avatar,
    maxMemberNum: o.maxMemberNum,
    joinOption: o.joinOption,
    inviteOption: o.inviteOption,
    groupCustomField: o.groupCustomField,
    isSupportTopic: o.isSupportTopic,
    ownerID,
    members,
    memberListLimit,
  };
}
