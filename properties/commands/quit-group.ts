import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { pickGroup } from './pick';

/** quitGroup by anyone: a member leaving, an owner refused (or leaving a Work group), a non-member. */
export class QuitGroup extends GroupCommand {
  constructor(readonly user: string, readonly group: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.length > 0;
  }
  describe(): string {
    return `${this.user} quits group #${this.group}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    return { actor: this.user, method: 'quitGroup', arg: `{{${g.alias}}}`, gherkin: `When ${this.user} quits "${g.alias}"` };
  }
}
