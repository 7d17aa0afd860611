/** The fuzzer's command generators: a few users, five group types, every documented operation. */
import fc from 'fast-check';
import { AddMembers } from './commands/add-members';
import { AdvanceClock } from './commands/advance-clock';
import { CreateGroup } from './commands/create-group';
import { DeleteMembers } from './commands/delete-members';
import { DismissGroup } from './commands/dismiss-group';
import { HandleApplication } from './commands/handle-application';
import { JoinGroup } from './commands/join-group';
import { MuteMember } from './commands/mute-member';
import { QuitGroup } from './commands/quit-group';
import { ReadLists } from './commands/read-lists';
import { SetRole } from './commands/set-role';
import { TransferGroup } from './commands/transfer-group';
import { UpdateProfile } from './commands/update-profile';
import { TYPES } from './commands/pick';
import { USERS } from './model';

const user = fc.constantFrom(...USERS);
const creator = fc.constant('@creator');
/** A user, often the group's creator (who holds rights), sometimes the app admin. */
const actorOrAdmin = fc.oneof({ weight: 3, arbitrary: user }, { weight: 3, arbitrary: creator }, { weight: 1, arbitrary: fc.constant('@admin') });
const actor = fc.oneof({ weight: 1, arbitrary: user }, { weight: 1, arbitrary: creator });
const group = fc.nat({ max: 7 });
const users = fc.uniqueArray(user, { minLength: 1, maxLength: 3 });

/** Public and Community groups weigh more: approval, admins and invites live there. */
const groupType = fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom('Public' as const, 'Community' as const));
const join = fc.tuple(user, group).map(([u, g]) => new JoinGroup(u, g));
const handle = fc.tuple(actor, group, fc.boolean(), fc.option(fc.nat({ max: 5 }), { nil: undefined, freq: 4 })).map(([h, g, agree, again]) => new HandleApplication(h, g, agree, again));

/** Joins and decisions appear more often: they lead to the states where rules interact. */
export const commandArbitraries = [
  join,
  handle,
  fc
    .tuple(user, groupType, fc.uniqueArray(user, { maxLength: 3 }), fc.option(fc.constantFrom('FreeAccess', 'NeedPermission', 'DisableApply'), { nil: undefined, freq: 1 }))
    .map(([u, t, ms, jo]) => new CreateGroup(u, t, ms, jo)),
  fc.tuple(user, group).map(([u, g]) => new JoinGroup(u, g)),
  fc.tuple(user, group).map(([u, g]) => new QuitGroup(u, g)),
  fc.tuple(actorOrAdmin, group).map(([a, g]) => new DismissGroup(a, g)),
  fc.tuple(actorOrAdmin, group, user).map(([a, g, to]) => new TransferGroup(a, g, to)),
  fc.tuple(actorOrAdmin, group, users).map(([a, g, us]) => new AddMembers(a, g, us)),
  fc.tuple(actor, group, users, fc.option(fc.constantFrom(0, 60), { nil: undefined })).map(([a, g, us, d]) => new DeleteMembers(a, g, us, d)),
  fc.tuple(actorOrAdmin, group, user, fc.constantFrom('Admin' as const, 'Member' as const)).map(([a, g, t, r]) => new SetRole(a, g, t, r)),
  fc.tuple(actor, group, user, fc.constantFrom(0, 30, 3600)).map(([a, g, t, s]) => new MuteMember(a, g, t, s)),
  fc.tuple(actorOrAdmin, group, fc.oneof(fc.constantFrom('renamed', '群名').map((name) => ({ name })), fc.constantFrom('FreeAccess', 'NeedPermission', 'DisableApply').map((joinOption) => ({ joinOption })))).map(([a, g, c]) => new UpdateProfile(a, g, c)),
  fc.tuple(actor, group, fc.boolean(), fc.option(fc.nat({ max: 5 }), { nil: undefined, freq: 4 })).map(([h, g, agree, again]) => new HandleApplication(h, g, agree, again)),
  user.map((u) => new ReadLists(u)),
  fc.constantFrom(30, 3600, 86_400).map((s) => new AdvanceClock(s)),
];
