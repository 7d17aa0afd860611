import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { pickGroup, who } from './pick';

/** setGroupMemberMuteTime: mute for some seconds, or unmute with 0. */
export class MuteMember extends GroupCommand {
  constructor(readonly actor: string, readonly group: number, readonly target: string, readonly seconds: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  describe(): string {
    return `${this.actor} mutes ${this.target} in group #${this.group} for ${this.seconds} s`;
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    if (g === undefined) return undefined;
    const actor = who(this.actor, g);
    return {
      actor,
      method: 'setGroupMemberMuteTime',
      arg: { groupID: `{{${g.alias}}}`, userID: this.target, muteTime: this.seconds },
      gherkin: this.seconds === 0 ? `When ${actor} unmutes ${this.target} in "${g.alias}"` : `When ${actor} mutes ${this.target} in "${g.alias}" for ${this.seconds} seconds`,
    };
  }
}
