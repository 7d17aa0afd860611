import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';
import { actorName, listOf } from './pick';

/** deleteGroupMember (an AVChatRoom removal needs a duration: the fuzzer sends one or not). */
export class DeleteMembers extends LiveGroupCommand {
  constructor(actor: string, group: number, readonly users: string[], readonly duration: number | undefined) {
    super(actor, group);
  }
  describe(): string {
    return `${actorName(this.actor)} removes ${listOf(this.users)} from group #${this.group}`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
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
