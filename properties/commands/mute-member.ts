import { LiveGroupCommand, type Plan } from '../command';
import type { ModelGroup } from '../model';

/** setGroupMemberMuteTime: mute for some seconds, or unmute with 0. */
export class MuteMember extends LiveGroupCommand {
  constructor(actor: string, group: number, readonly target: string, readonly seconds: number) {
    super(actor, group);
  }
  describe(): string {
    return `${this.actor} mutes ${this.target} in group #${this.group} for ${this.seconds} s`;
  }
  planFor(g: ModelGroup, actor: string): Plan {
    return {
      actor,
      method: 'setGroupMemberMuteTime',
      arg: { groupID: `{{${g.alias}}}`, userID: this.target, muteTime: this.seconds },
      gherkin: this.seconds === 0 ? `When ${actor} unmutes ${this.target} in "${g.alias}"` : `When ${actor} mutes ${this.target} in "${g.alias}" for ${this.seconds} seconds`,
    };
  }
}
