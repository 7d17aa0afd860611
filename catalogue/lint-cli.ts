/** `npm run lint:rules`: lints the rule catalogue and the step vocabulary; exit 1 on any issue. */
import { join } from 'node:path';
import { ERRORS } from '../simulator/core/errors';
import { loadCatalogue } from './catalogue';
import { errorRegistryReferences, lintCatalogue, mergeReferences, readIfExists, type LintIssue } from './lint';
import { stepIssues } from './steps-check';
import { articleIssues } from './articles';
import { projectReferences } from './references';
import { lintTraceability, type TraceIssue } from './traceability';

async function main(): Promise<void> {
  const root = process.cwd();
  const cat = loadCatalogue(join(root, 'features'));
  const ambiguityDoc = readIfExists(join(root, 'docs/ambiguities.md'));
  const issues: Array<LintIssue | TraceIssue> = [
    ...lintCatalogue(cat, {
      ambiguityDoc,
      references: mergeReferences(errorRegistryReferences(ERRORS), projectReferences(root)),
    }),
    ...lintTraceability(cat, { ambiguityDoc: ambiguityDoc ?? '', traceabilityDoc: readIfExists(join(root, 'docs/traceability.md')) }),
    ...articleIssues(cat),
    ...(await stepIssues({ cwd: root })),
  ];
  for (const i of issues) console.log(`${i.where}: ${i.kind}: ${i.message}`);
  const scenarios = cat.rules.reduce((n, r) => n + r.scenarios.reduce((m, s) => m + s.cases, 0), 0);
  console.log(`rule lint: ${cat.rules.length} rules, ${scenarios} test cases in ${cat.features.length} features; ${issues.length} issue(s)`);
  process.exitCode = issues.length === 0 ? 0 : 1;
}

void main();
