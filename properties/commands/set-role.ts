import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';
import { actorName } from './pick';

/** setGroupMemberRole by a user, or modify_group_member_info's role by the app admin. */
export class SetRole extends LiveGroupCommand {
  constructor(actor: string, group: number, readonly target: string, readonly role: 'Admin' | 'Member') {
    super(actor, group);
  }
  describe(): string {
    return `${actorName(this.actor)} sets ${this.target}'s role in group #${this.group} to ${this.role}`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
    return {
      actor,
      method: actor === '@admin' ? 'modifyGroupMemberInfo' : 'setGroupMemberRole',
      arg: { groupID: `{{${g.alias}}}`, userID: this.target, role: this.role },
      gherkin: `When ${actorName(actor)} makes ${this.target} ${this.role === 'Admin' ? 'an admin' : 'an ordinary member'} of "${g.alias}"`,
    };
  }
}
