import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { actorName, pickGroup, who } from './pick';

/** changeGroupOwner by a user, or change_group_owner by the app admin (ownerless groups too). */
export class TransferGroup extends GroupCommand {
  constructor(readonly actor: string, readonly group: number, readonly to: string) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${actorName(this.actor)} transfers group #${this.group} to ${this.to}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    return {
      actor,
      method: 'changeGroupOwner',
      arg: { groupID: `{{${g.alias}}}`, newOwnerID: this.to },
      gherkin: `When ${actorName(actor)} transfers "${g.alias}" to ${this.to}`,
      thenOnSuccess: ['Then it succeeds', `And ${this.to} owns "${g.alias}"`],
    };
  }
}
