import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';
import { actorName } from './pick';

/** updateGroupProfile (or modify_group_base_info): a new name, or a new join option. */
export class UpdateProfile extends LiveGroupCommand {
  constructor(actor: string, group: number, readonly change: { name: string } | { joinOption: string }) {
    super(actor, group);
  }
  describe(): string {
    return `${actorName(this.actor)} updates group #${this.group} with ${JSON.stringify(this.change)}`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
    const [field, value] = Object.entries(this.change)[0]!;
    return {
      actor,
      method: actor === '@admin' ? 'modifyGroupBaseInfo' : 'updateGroupProfile',
      arg: { groupID: `{{${g.alias}}}`, ...this.change },
      gherkin: `When ${actorName(actor)} changes the ${field} of "${g.alias}" to "${value}"`,
    };
  }
}
