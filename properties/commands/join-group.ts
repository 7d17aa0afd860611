import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { pickGroup } from './pick';

/** joinGroup: free join, a join request, a refusal, or an AVChatRoom switch, by the group's type. */
export class JoinGroup extends GroupCommand {
  constructor(readonly user: string, readonly group: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.length > 0;
  }
  describe(): string {
    return `${this.user} joins group #${this.group}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group, true);
    if (g === undefined) return undefined;
    return { actor: this.user, method: 'joinGroup', arg: { groupID: `{{${g.alias}}}` }, gherkin: `When ${this.user} joins "${g.alias}"` };
  }
}
