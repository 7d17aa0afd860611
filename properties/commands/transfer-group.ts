import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';
import { actorName } from './pick';

/** changeGroupOwner by a user, or change_group_owner by the app admin (ownerless groups too). */
export class TransferGroup extends LiveGroupCommand {
  constructor(actor: string, group: number, readonly to: string) {
    super(actor, group);
  }
  describe(): string {
    return `${actorName(this.actor)} transfers group #${this.group} to ${this.to}`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
    return {
      actor,
      method: 'changeGroupOwner',
      arg: { groupID: `{{${g.alias}}}`, newOwnerID: this.to },
      gherkin: `When ${actorName(actor)} transfers "${g.alias}" to ${this.to}`,
      thenOnSuccess: ['Then it succeeds', `And ${this.to} owns "${g.alias}"`],
    };
  }
}
