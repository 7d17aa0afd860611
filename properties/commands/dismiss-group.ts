import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';
import { actorName } from './pick';

/** dismissGroup by a user, or destroy_group by the app admin. */
export class DismissGroup extends LiveGroupCommand {
  describe(): string {
    return `${actorName(this.actor)} dismisses group #${this.group}`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
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
