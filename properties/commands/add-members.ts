import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';
import { actorName, listOf } from './pick';

/** addGroupMember by a user (invite rules by type and inviteOption) or add_group_member by the app admin. */
export class AddMembers extends LiveGroupCommand {
  constructor(actor: string, group: number, readonly users: string[]) {
    super(actor, group);
  }
  describe(): string {
    return `${actorName(this.actor)} adds ${listOf(this.users)} to group #${this.group}`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
    return {
      actor,
      method: 'addGroupMember',
      arg: { groupID: `{{${g.alias}}}`, userIDList: this.users },
      gherkin: `When ${actorName(actor)} adds ${listOf(this.users)} to "${g.alias}"`,
    };
  }
}
