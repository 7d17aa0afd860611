/**
 * A run's progress while it runs: on a terminal one live line (rules done / total, scenarios,
 * failures so far), rewritten in place; elsewhere (CI logs) plain lines: each rule that fails, as
 * it completes, and a count at every quarter.
 */
import type { ScenarioOutcome } from './features';
import type { PlannedScenario } from './selection';

const BAD = new Set(['failed', 'crashed', 'timeout']);

export interface Progress {
  onScenario(s: ScenarioOutcome): void;
  /** Clears the live line (a terminal) before the run's own summary. */
  finish(): void;
}

export function progress(planned: readonly Pick<PlannedScenario, 'ruleID'>[], tty: boolean, write: (text: string) => void): Progress {
  const left = new Map<string, number>();
  for (const p of planned) left.set(p.ruleID ?? '', (left.get(p.ruleID ?? '') ?? 0) + 1);
  const size = new Map(left);
  const failedIn = new Map<string, number>();
  const rules = left.size;
  let rulesDone = 0;
  let scenarios = 0;
  let failures = 0;
  let quarter = 0;
  let drawn = false;
  const line = () => `${rulesDone}/${rules} rules, ${scenarios}/${planned.length} scenarios, ${failures} failed`;
  return {
    onScenario(s) {
      const rule = s.ruleID ?? '';
      scenarios++;
      if (BAD.has(s.verdict)) {
        failures++;
        failedIn.set(rule, (failedIn.get(rule) ?? 0) + 1);
      }
      const remaining = (left.get(rule) ?? 1) - 1;
      left.set(rule, remaining);
      if (remaining === 0) {
        rulesDone++;
        const bad = failedIn.get(rule) ?? 0;
        if (!tty && bad > 0) write(`  rule ${rule}: ${bad} of ${size.get(rule) ?? bad} scenario(s) failed\n`);
      }
      if (tty) {
        write(`\r\u001b[2K${line()}`);
        drawn = true;
      } else if (planned.length > 0 && Math.floor((4 * scenarios) / planned.length) > quarter) {
        quarter = Math.floor((4 * scenarios) / planned.length);
        if (quarter < 4) write(`progress: ${line()}\n`);
      }
    },
    finish() {
      if (drawn) write('\r\u001b[2K');
    },
  };
}
