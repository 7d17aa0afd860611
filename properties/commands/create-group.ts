import type { GroupTypeName } from '../../adapters/contract';
import { GroupCommand, type Plan } from '../command';
import type { Model } from '../model';
import { listOf, WIRE } from './pick';
import { withArticle } from '../../matchers/article';

/** createGroup of any type, with or without initial members. */
export class CreateGroup extends GroupCommand {
  constructor(readonly owner: string, readonly type: GroupTypeName, readonly members: string[], readonly joinOption: string | undefined) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.length < 8;
  }
  describe(): string {
    return `${this.owner} creates ${withArticle(this.type)} group${this.members.length ? ` with ${listOf(this.members)}` : ''}`;
  }
  plan(m: Readonly<Model>): Plan {
    const alias = `G${m.nextAlias}`;
    const members = this.members.filter((u) => u !== this.owner);
    const arg: Record<string, unknown> = { name: alias, type: WIRE[this.type] };
    if (members.length > 0) arg.memberList = members.map((userID) => ({ userID }));
    if (this.joinOption !== undefined) arg.joinOption = this.joinOption;
    const table = this.joinOption === undefined ? '' : `:\n      | joinOption | ${this.joinOption} |`;
    const gherkin = members.length > 0 && this.joinOption === undefined
      ? `When ${this.owner} creates ${withArticle(this.type)} group "${alias}" with members ${listOf(members)}`
      : `When ${this.owner} creates ${withArticle(this.type)} group "${alias}"${table === '' ? '' : ' with'}${table}${members.length > 0 ? `\n      | memberList | ${JSON.stringify(members.map((userID) => ({ userID })))} |` : ''}`;
    return {
      actor: this.owner,
      method: 'createGroup',
      groupType: this.type,
      arg,
      gherkin,
      namesGroup: true,
      apply: (model, o, sys) => {
        if (o.ok) {
          sys.ids.set(alias, o.data.group.groupID);
          sys.types.set(alias, this.type);
        }
        // the alias is used up either way, so a later step names the same group on both sides
        model.nextAlias += 1;
        if (o.ok) model.groups.push({ alias, type: this.type, dismissed: false, creator: this.owner });
      },
    };
  }
}
