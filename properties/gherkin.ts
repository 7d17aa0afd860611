/**
 * A shrunk counterexample as a Gherkin scenario in the suite's own sentences, ready to paste under
 * the Rule it broke. It ends with the invariant step, so running it fails the way the property did.
 */
/** Who is logged in where, as the fuzzer sets it up. */
export const GHERKIN_SETUP = ['Given alice is logged in on her phone and her laptop', 'And bob and carol are logged in', 'And dave is logged in with unlimited AVChatRooms'];

export interface ScenarioInfo {
  seed: number;
  path: string | undefined;
  problem: string;
  replay: string;
}

/** Rule IDs named in a failure message (`[rule.a, rule.b]` after an invariant's name). */
export function rulesIn(problem: string): string[] {
  return [...new Set([...problem.matchAll(/\[([a-z]+\.[a-z0-9-]+(?:, [a-z]+\.[a-z0-9-]+)*)\]/g)].flatMap((m) => m[1]!.split(', ')))];
}

export function renderScenario(trace: readonly string[], info: ScenarioInfo): string {
  const rules = rulesIn(info.problem);
  const title = info.problem.replace(/^step .*?: /, '').split('\n')[0]!.slice(0, 100);
  const lines = [
    `# Fuzz counterexample (seed ${info.seed}${info.path === undefined ? '' : `, path ${info.path}`}). Replay: ${info.replay}`,
    rules.length > 0 ? `# Paste under the Rule @rule:${rules[0]}${rules.length > 1 ? ` (also checks ${rules.slice(1).join(', ')})` : ''}` : '# Paste under the Rule this scenario breaks',
    `Scenario: Fuzzed: ${title}`,
    ...GHERKIN_SETUP,
    ...trace,
    'Then the group invariants hold',
  ];
  return lines
    .flatMap((l) => l.split('\n'))
    .map((l) => (l.startsWith('#') || l.startsWith('Scenario:') ? `  ${l}` : l.startsWith('  ') ? `      ${l.trim()}` : `    ${l}`))
    .join('\n');
}
