import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { actorName, pickGroup, who } from './pick';

/** setGroupMemberRole by a user, or modify_group_member_info's role by the app admin. */
export class SetRole extends GroupCommand {
  constructor(readonly actor: string, readonly group: number, readonly target: string, readonly role: 'Admin' | 'Member') {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${actorName(this.actor)} sets ${this.target}'s role in group #${this.group} to ${this.role}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    const admin = actor === '@admin';
    return {
      actor,
      method: admin ? 'modifyGroupMemberInfo' : 'setGroupMemberRole',
      arg: { groupID: `{{${g.alias}}}`, userID: this.target, role: this.role },
      gherkin: `When ${actorName(actor)} makes ${this.target} ${this.role === 'Admin' ? 'an admin' : 'an ordinary member'} of "${g.alias}"`,
    };
  }
}
