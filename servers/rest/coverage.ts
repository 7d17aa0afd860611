/**
 * The coverage table of docs/rest-emulator.md, generated from the router: every documented
 * command with what the emulator does with it. test/rest/coverage.test.ts fails when the document
 * and the router drift (and rewrites the table with GROUPSPEC_WRITE_COVERAGE=1).
 */
import { COVERAGE } from './router';

export const COVERAGE_START = '<!-- coverage:start (generated from servers/rest/router.ts) -->';
export const COVERAGE_END = '<!-- coverage:end -->';

export function coverageTable(): string {
  const emulated = COVERAGE.filter((r) => r.status === 'emulated').length;
  const lines = [
    `${emulated} of ${COVERAGE.length} documented commands are emulated; the others answer \`60002\` with an ErrorInfo naming the command and the reason.`,
    '',
    '| command | status | why not |',
    '|---|---|---|',
    ...COVERAGE.map((r) => `| \`${r.path}\` | ${r.status} | ${r.note} |`),
  ];
  return lines.join('\n');
}

/** `doc` with its coverage section replaced by the current table. */
export function withCoverage(doc: string): string {
  const start = doc.indexOf(COVERAGE_START);
  const end = doc.indexOf(COVERAGE_END);
  if (start < 0 || end < start) throw new Error(`the document has no ${COVERAGE_START} … ${COVERAGE_END} section`);
  return `${doc.slice(0, start + COVERAGE_START.length)}\n${coverageTable()}\n${doc.slice(end)}`;
}
