import type { CallResult } from '../../adapters/contract';
import { GroupCommand, pipelined, type Plan } from '../command';
import type { Model, Real, System } from '../model';
import { who } from './pick';

const listOf = (sys: System, handler: string): Promise<CallResult> => sys.sessions.get(handler)![0]!.call('getGroupApplicationList');

/** The application `handler` lists for a group (and applicant), read now or taken from a read already made at this point. */
async function pendingOf(sys: System, handler: string, alias: string, applicant?: string, read: Promise<CallResult> = listOf(sys, handler)): Promise<Record<string, any> | undefined> {
  try {
    const list = (await read).data.applicationList as Array<Record<string, any>>;
    return list.find((a) => a.groupID === sys.ids.get(alias) && (applicant === undefined || a.userID === applicant));
  } catch {
    return undefined;
  }
}

/**
 * handleGroupApplication: decides the first pending application the handler sees for a group, or,
 * when `again` is set, hands back one already decided, which must fail with 10024.
 */
export class HandleApplication extends GroupCommand {
  private chosen: { alias: string; applicant: string } | undefined;
  private actor = '';
  /** Pipelined: the lists prepare() read from the system under test, by handler (the argument is taken from them). */
  private listed: { sys: System; reads: Map<string, Promise<CallResult>> } | undefined;
  constructor(readonly handler: string, readonly group: number, readonly agree: boolean, readonly again: number | undefined) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return this.again === undefined ? m.groups.length > 0 : m.decided.length > 0;
  }
  describe(): string {
    return `${this.handler} ${this.agree ? 'approves' : 'rejects'} ${this.again === undefined ? 'a pending' : 'an already decided'} application`;
  }
  override async prepare(m: Readonly<Model>, r: Real): Promise<void> {
    this.chosen = undefined;
    if (this.again !== undefined) {
      this.chosen = m.decided[this.again % m.decided.length];
      const g = this.chosen === undefined ? undefined : m.groups.find((x) => x.alias === this.chosen!.alias);
      this.actor = g === undefined ? this.handler : who(this.handler, g);
      return;
    }
    // the first handler, from the generated one on through the groups' creators, who has something pending
    const candidates = [this.handler === '@creator' ? undefined : this.handler, ...m.groups.map((_, i) => m.groups[(this.group + i) % m.groups.length]!.creator)];
    const listFrom = async (read: Promise<CallResult>): Promise<Array<Record<string, any>>> => {
      try {
        return (await read).data.applicationList;
      } catch {
        return [];
      }
    };
    this.listed = undefined;
    let readFor = (c: string) => listOf(r.sut, c);
    if (pipelined(r)) {
      // reads only, at one point of the run: all issued at once (one exchange), the first non-empty taken
      const reads = new Map<string, Promise<CallResult>>();
      for (const c of candidates) if (c !== undefined && !reads.has(c)) reads.set(c, listOf(r.sut, c));
      for (const read of reads.values()) read.catch(() => undefined);
      this.listed = { sys: r.sut, reads };
      readFor = (c) => reads.get(c)!;
    }
    let list: Array<Record<string, any>> = [];
    for (const c of candidates) {
      if (c === undefined) continue;
      list = await listFrom(readFor(c));
      this.actor = c;
      if (list.length > 0) break;
    }
    const item = list.length === 0 ? undefined : list[this.group % list.length]!;
    const alias = item === undefined ? undefined : [...r.sut.ids].find(([, id]) => id === item.groupID)?.[0];
    if (item !== undefined && alias !== undefined) this.chosen = { alias, applicant: String(item.userID) };
  }
  plan(): Plan | undefined {
    const c = this.chosen;
    if (c === undefined) return undefined;
    const key = `${c.alias}/${c.applicant}`;
    const again = this.again !== undefined;
    return {
      actor: this.actor,
      method: 'handleGroupApplication',
      // each system hands back the item it listed itself: keys differ between implementations
      arg: async (sys: System) => {
        // pipelined, the system under test's list was read at this very point by prepare()
        const read = this.listed?.sys === sys ? this.listed.reads.get(this.actor) : undefined;
        const application = again ? sys.decided.get(key) : ((await pendingOf(sys, this.actor, c.alias, c.applicant, read)) ?? { groupID: sys.ids.get(c.alias), applicationType: 0, messageKey: 'not-listed' });
        // remembered now, used only if the decision succeeds (see apply)
        if (!again) sys.decided.set(key, application);
        return { handleAction: this.agree ? 'Agree' : 'Reject', ...(this.agree ? {} : { handleMessage: 'no' }), application };
      },
      gherkin: `When ${this.actor} ${this.agree ? 'approves' : 'rejects'} the application of ${c.applicant} to "${c.alias}"${this.agree ? '' : ' saying "no"'}`,
      ...(again ? { mustFail: { code: 10024, why: 'an application is decided at most once [applications.first-decision-wins]' } } : {}),
      apply: (model, o) => {
        if (o.ok && !again) model.decided.push({ ...c });
      },
    };
  }
}
