/**
 * docs/rest-emulator.md's coverage table is the router's: every documented command, emulated or
 * not, exactly once. Regenerate with GROUPSPEC_WRITE_COVERAGE=1 npx vitest run test/rest/coverage.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCoverage } from '../../servers/rest/coverage';
import { COMMANDS, COVERAGE, NOT_EMULATED } from '../../servers/rest/router';

const DOC = join(__dirname, '..', '..', 'docs', 'rest-emulator.md');

describe('the coverage table', () => {
  it('docs/rest-emulator.md carries the table generated from the router', () => {
    const doc = readFileSync(DOC, 'utf8');
    if (process.env.GROUPSPEC_WRITE_COVERAGE === '1') writeFileSync(DOC, withCoverage(doc));
    expect(readFileSync(DOC, 'utf8')).toBe(withCoverage(doc));
  });
  it('lists every command once, and none is both emulated and not', () => {
    const paths = COVERAGE.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of Object.keys(NOT_EMULATED)) expect(COMMANDS[p]).toBeUndefined();
    // the group and account commands of Tencent's own REST client are all listed
    for (const p of ['group_open_http_svc/create_group', 'group_open_http_svc/import_group_member', 'group_open_http_svc/set_unread_msg_num', 'im_open_login_svc/kick', 'openim/query_online_status']) expect(paths).toContain(p);
  });
});
