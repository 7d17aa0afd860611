import { GroupCommand, type Plan } from '../command';
import type { Model, Real } from '../model';

/** Time passes: mutes expire, bans lapse, the daily creation quota resets. */
export class AdvanceClock extends GroupCommand {
  constructor(readonly seconds: number) {
    super();
  }
  check(): boolean {
    return true;
  }
  describe(): string {
    return `${this.seconds} seconds pass`;
  }
  plan(_m: Readonly<Model>): Plan | undefined {
    return undefined;
  }
  override async run(_m: Model, r: Real): Promise<void> {
    for (const sys of [r.sut, r.reference ?? r.shadow]) await sys?.app.advanceClock?.(this.seconds * 1000);
    r.trace.push(`When ${this.seconds} seconds pass`);
  }
  override toString(): string {
    return this.describe();
  }
}
