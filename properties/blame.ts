/**
 * Which rule a fuzz failure is charged to: the rule whose invariant or command diverged first, not
 * every rule the property touches. A broken invariant names its rules (narrowed to the failing
 * command's area when some of them are in it); a divergence from the reference simulator, a refused
 * call that changed state or an undocumented code is charged to the rule that governs the command's
 * outcome; a call that had to be refused names its rule itself.
 */

/** How a fuzz step diverged: thrown by the commands (properties/command.ts). */
export class Divergence extends Error {
  constructor(
    message: string,
    /** The SDK method or admin command of the failing step. */
    readonly method: string,
    /** Rules the divergence names itself (a broken invariant's, a must-fail's); empty when the method decides. */
    readonly named: readonly string[],
    readonly expected: string,
    readonly actual: string,
  ) {
    super(message);
    this.name = 'Divergence';
  }
}

/** The rule governing a command's outcome, by method (user and admin surfaces). */
const METHOD_RULE: Record<string, string> = {
  createGroup: 'create.returns-group-profile',
  joinGroup: 'join.join-option-decides',
  quitGroup: 'quit.members-may-leave',
  dismissGroup: 'dismiss.only-owner-dismisses',
  destroyGroup: 'dismiss.app-admin-dismisses-any-group',
  changeGroupOwner: 'transfer.only-owner-transfers',
  handleGroupApplication: 'applications.only-owner-and-admins-decide',
  addGroupMember: 'invite.result-lists',
  deleteGroupMember: 'members.owner-or-admin-removes',
  setGroupMemberRole: 'members.only-owner-sets-roles',
  modifyGroupMemberInfo: 'admin.owner-powers-in-every-group',
  setGroupMemberMuteTime: 'members.mute-rights-by-role',
  updateGroupProfile: 'profile.edit-rights-by-type',
  modifyGroupBaseInfo: 'admin.owner-powers-in-every-group',
  getGroupList: 'lists.joined-groups',
};

/** The area (rule ID prefix) of the rules about a method. */
const area = (method: string) => METHOD_RULE[method]?.split('.')[0];

/** The rules a divergence is charged to; `fallback` (the property's rules) when nothing narrower is known. */
export function blamedRules(d: Divergence, fallback: readonly string[]): string[] {
  if (d.named.length > 0) {
    const inArea = d.named.filter((r) => r.split('.')[0] === area(d.method));
    return [...(inArea.length > 0 ? inArea : d.named)];
  }
  const rule = METHOD_RULE[d.method];
  return rule === undefined ? [...fallback] : [rule];
}

export interface Blame {
  rules: string[];
  /** 1-based index of the failing command in the shrunk counterexample. */
  step: number;
  /** The failing command as a Gherkin step. */
  command: string;
  expected: string;
  actual: string;
}

/** The one line a rule's report shows for a property failure charged to it. */
export function blameLine(property: string, b: Blame): string {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
  return `failed by property ${property} at step ${b.step} (${b.command.replace(/^When /, '')}): expected ${cut(b.expected)}, got ${cut(b.actual)}`;
}
