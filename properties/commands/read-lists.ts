import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { possessive } from './pick';

/** getGroupList: a read, which must change nothing and agree with the invariants. */
export class ReadLists extends GroupCommand {
  constructor(readonly user: string) {
    super();
  }
  check(): boolean {
    return true;
  }
  describe(): string {
    return `${this.user} lists ${possessive(this.user)} groups`;
  }
  plan(_m: Readonly<Model>): Plan {
    return { actor: this.user, method: 'getGroupList', gherkin: `When ${this.user} lists ${possessive(this.user)} groups` };
  }
}
