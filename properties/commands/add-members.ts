import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { actorName, listOf, pickGroup, who } from './pick';

/** addGroupMember by a user (invite rules by type and inviteOption) or add_group_member by the app admin. */
export class AddMembers extends GroupCommand {
  constructor(readonly actor: string, readonly group: number, readonly users: string[]) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${actorName(this.actor)} adds ${listOf(this.users)} to group #${this.group}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    return {
      actor,
      method: 'addGroupMember',
      arg: { groupID: `{{${g.alias}}}`, userIDList: this.users },
      gherkin: `When ${actorName(actor)} adds ${listOf(this.users)} to "${g.alias}"`,
    };
  }
}
