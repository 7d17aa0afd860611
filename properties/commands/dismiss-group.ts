import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { actorName, pickGroup, who } from './pick';

/** dismissGroup by a user, or destroy_group by the app admin. */
export class DismissGroup extends GroupCommand {
  constructor(readonly actor: string, readonly group: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${actorName(this.actor)} dismisses group #${this.group}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    const admin = actor === '@admin';
    return {
      actor,
      method: admin ? 'destroyGroup' : 'dismissGroup',
      arg: admin ? { groupID: `{{${g.alias}}}` } : `{{${g.alias}}}`,
      gherkin: `When ${actorName(actor)} dismisses "${g.alias}"`,
      thenOnSuccess: ['Then it succeeds', `And "${g.alias}" no longer exists`],
      apply: (model, o, sys) => {
        if (!o.ok) return;
        const mine = model.groups.find((x) => x.alias === g.alias);
        if (mine !== undefined) mine.dismissed = true;
        const id = sys.ids.get(g.alias);
        if (id !== undefined) sys.dismissed.add(id);
      },
    };
  }
}
