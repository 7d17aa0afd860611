import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { actorName, pickGroup, who } from './pick';

/** updateGroupProfile (or modify_group_base_info): a new name, or a new join option. */
export class UpdateProfile extends GroupCommand {
  constructor(readonly actor: string, readonly group: number, readonly change: { name: string } | { joinOption: string }) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${actorName(this.actor)} updates group #${this.group} with ${JSON.stringify(this.change)}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    const [field, value] = Object.entries(this.change)[0]!;
    return {
      actor,
      method: actor === '@admin' ? 'modifyGroupBaseInfo' : 'updateGroupProfile',
      arg: { groupID: `{{${g.alias}}}`, ...this.change },
      gherkin: `When ${actorName(actor)} changes the ${field} of "${g.alias}" to "${value}"`,
    };
  }
}
