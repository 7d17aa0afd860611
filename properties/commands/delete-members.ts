import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { actorName, listOf, pickGroup, who } from './pick';

/** deleteGroupMember (an AVChatRoom removal needs a duration: the fuzzer sends one or not). */
export class DeleteMembers extends GroupCommand {
  constructor(readonly actor: string, readonly group: number, readonly users: string[], readonly duration: number | undefined) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${actorName(this.actor)} removes ${listOf(this.users)} from group #${this.group}`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    const arg: Record<string, unknown> = { groupID: `{{${g.alias}}}`, userIDList: this.users };
    if (this.duration !== undefined) arg.duration = this.duration;
    return {
      actor,
      method: 'deleteGroupMember',
      arg,
      gherkin: `When ${actorName(actor)} removes ${listOf(this.users)} from "${g.alias}"${this.duration === undefined ? '' : ` for ${this.duration} seconds`}`,
    };
  }
}
