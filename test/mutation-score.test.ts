/**
 * The mutation triage scorer (selftest/mutation/score.ts) and the committed triage itself: an entry
 * must still point at code that exists, or it would silently stop describing anything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeRuns, mutantsOf, renderMarkdown, runnerOf, score, type StrykerReport } from '../selftest/mutation/score';
import { CHUNKS } from '../selftest/mutation/chunks';
import { after, below, inside, whole } from '../selftest/mutation/predicates';
import { TRIAGE, type TriageEntry } from '../selftest/mutation/triage';

const source = ["const a = x ?? 'one';", "if (n > 2) refuse(ERR.X, 'name', 'too long by far');", 'return a;'].join('\n');
const loc = (line: number, c0: number, c1: number) => ({ start: { line, column: c0 }, end: { line, column: c1 } });
const report: StrykerReport = {
  files: {
    'simulator/x.ts': {
      source,
      mutants: [
        { id: '1', mutatorName: 'StringLiteral', replacement: '""', status: 'Survived', location: loc(1, 16, 21) },
        { id: '2', mutatorName: 'EqualityOperator', replacement: 'n >= 2', status: 'Killed', killedBy: ['t1'], location: loc(2, 5, 10) },
        { id: '3', mutatorName: 'StringLiteral', replacement: '""', status: 'Survived', location: loc(2, 34, 51) },
        { id: '4', mutatorName: 'BlockStatement', replacement: '{}', status: 'NoCoverage', location: loc(3, 1, 10) },
        { id: '5', mutatorName: 'ConditionalExpression', replacement: 'true', status: 'Timeout', location: loc(2, 5, 10) },
        { id: '6', mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', killedBy: ['t2'], location: loc(2, 26, 32) },
        { id: '7', mutatorName: 'ObjectLiteral', replacement: '{}', status: 'CompileError', location: loc(3, 1, 10) },
      ],
    },
  },
  testFiles: { 'selftest/mutation/features.test.ts': { tests: [{ id: 't1', name: 'rule' }] }, 'properties/time.test.ts': { tests: [{ id: 't2', name: 'p' }] } },
};

describe('mutation triage scorer', () => {
  const mutants = mutantsOf(report);
  const triage: TriageEntry[] = [
    { file: 'simulator/x.ts', code: "'one'", disposition: 'equivalent', why: 'x is never nullish' },
    { file: /^simulator\//, mutator: 'StringLiteral', line: 'refuse(', code: "'too long by far'", disposition: 'wording', why: 'detail text' },
    { file: 'simulator/x.ts', line: 'no such line', disposition: 'gap', why: 'stale' },
  ];

  it('reads the replaced text, the line and the first failing test of each scored mutant', () => {
    expect(mutants.map((m) => m.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(mutants[0]).toMatchObject({ original: "'one'", line: 1, lineText: source.split('\n')[0], status: 'Survived' });
    expect(mutants[2]!.original).toBe("'too long by far'");
    expect(mutants[1]!.killedBy).toBe('features');
    expect(mutants[5]!.killedBy).toBe('properties');
    expect([runnerOf('test/simulator/admin.test.ts'), runnerOf('properties/races.ts'), runnerOf('selftest/mutation/features.test.ts')]).toEqual(['unit', 'properties', 'features']);
  });

  it('scores raw and over the observable mutants, and reports untriaged survivors and unused entries', () => {
    const s = score(mutants, triage);
    expect(s.total).toMatchObject({ mutants: 6, killed: 2, timeout: 1, survived: 2, noCoverage: 1, untriaged: 1, dispositions: { equivalent: 1, wording: 1 } });
    expect(s.total.by).toEqual({ features: 1, properties: 1, unit: 0 });
    expect(s.raw).toBeCloseTo(3 / 6);
    expect(s.observableMutants).toBe(4);
    expect(s.observable).toBeCloseTo(3 / 4);
    expect(s.survivors.filter((t) => t.entry === undefined).map((t) => t.mutant.id)).toEqual(['4']);
    expect(s.unused.map((e) => e.why)).toEqual(['stale']);
    const md = renderMarkdown(s, '# T');
    expect(md).toContain('**Raw: 50.00 %**');
    expect(md).toContain('| `x.ts:3` | 1: BlockStatement (no coverage) | **untriaged** |');
    expect(md).toContain('| `x.ts:1` | 1: StringLiteral | equivalent | x is never nullish |');
  });
});

describe('the committed triage', () => {
  it('points only at files and lines that exist, and gives every entry a reason', () => {
    for (const e of TRIAGE) {
      expect(e.why.length, JSON.stringify(e)).toBeGreaterThan(10);
      if (typeof e.file !== 'string') continue;
      expect(existsSync(e.file), e.file).toBe(true);
      const text = readFileSync(e.file, 'utf8');
      if (e.line !== undefined) expect(text, `${e.file}: ${e.line}`).toContain(e.line);
      if (e.code !== undefined) expect(text, `${e.file}: ${e.code}`).toContain(e.code);
    }
  });
});

describe('merging runs', () => {
  it('takes the later result of the same mutant and keeps the rest', () => {
    const first = mutantsOf(report);
    const rerun = mutantsOf({ files: { 'simulator/x.ts': { source, mutants: [{ id: '99', mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', killedBy: ['t1'], location: loc(1, 16, 21) }] } }, testFiles: report.testFiles });
    const merged = mergeRuns([first, rerun]);
    expect(merged).toHaveLength(first.length);
    expect(merged.find((m) => m.original === "'one'")).toMatchObject({ id: '99', status: 'Killed', killedBy: 'features' });
  });

  it('replaces every earlier mutant on a line the rerun covers, even where the line has changed', () => {
    const edited = `${source.split('\n')[0]} // edited`;
    const rerun = mutantsOf({ files: { 'simulator/x.ts': { source: [edited, ...source.split('\n').slice(1)].join('\n'), mutants: [{ id: '98', mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', killedBy: ['t1'], location: loc(1, 16, 21) }, { id: '97', mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', killedBy: ['t1'], location: loc(1, 24, 33) }] } }, testFiles: report.testFiles });
    const merged = mergeRuns([mutantsOf(report), rerun]);
    expect(merged.filter((m) => m.line === 1).map((m) => m.id)).toEqual(['98', '97']);
    expect(merged.filter((m) => m.line !== 1)).toHaveLength(5);
  });
});

describe('npm run mutation:chunks', () => {
  it('splits exactly the mutate set of stryker.config.json', () => {
    const config = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as { mutate: string[] };
    const excluded = config.mutate.filter((m) => m.startsWith('!')).map((m) => m.slice(1));
    const ranged = config.mutate.filter((m) => m.includes(':'));
    const files = (readdirSync('simulator', { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `simulator/${f}`)
      .filter((f) => !excluded.includes(f))
      .concat(ranged)
      .sort();
    expect(Object.values(CHUNKS).flat().sort()).toEqual(files);
  });
});

describe('triage predicates', () => {
  it('tell equal code apart by what the measured source holds around it', () => {
    const src = ['export const A = z.object({', "  role: z.enum(['Admin']),", '});', 'export const B = z.object({', "  role: z.enum(['Admin']),", '});', "x = f('a', 'a');"].join('\n');
    const at = (line: number, c0: number, c1: number, endLine = line) => ({ id: `${line}:${c0}`, mutatorName: 'StringLiteral', replacement: '""', status: 'Survived', location: { start: { line, column: c0 }, end: { line: endLine, column: c1 } } });
    const [inA, inB, first, second, block] = mutantsOf({ files: { 'simulator/s.ts': { source: src, mutants: [at(2, 17, 24), at(5, 17, 24), at(7, 7, 10), at(7, 12, 15), at(4, 29, 2, 6)] } } });
    expect([inside('export const B')(inA!), inside('export const B')(inB!)]).toEqual([false, true]);
    expect([below('const A')(inA!), below('const A')(inB!)]).toEqual([true, false]);
    expect([after(/f\($/)(first!), after(/f\($/)(second!)]).toEqual([true, false]);
    expect(whole("x = f('a', 'a');")(first!)).toBe(true);
    expect(block).toMatchObject({ line: 4, endLine: 6, column: 29 });
  });
});
