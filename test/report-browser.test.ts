/**
 * The reports as their readers meet them: two runs of the gate in child processes (the simulator,
 * and a broken implementation for failure detail) on a few rules; conformance.json against the
 * schema; junit.xml through a strict XML check; index.html in headless Chromium, opened from
 * file://, with no network request; `groupspec report` and `merge` writing index.html too; no
 * escape codes when stdout is not a terminal; and the page's size and escaping at the scale of the
 * whole suite.
 *
 * Chromium comes with `npm ci` (the devDependency @sparticuz/chromium; GROUPSPEC_CHROMIUM picks
 * another, such as Debian's /usr/bin/chromium: test/chromium.ts). A Chromium that does not start
 * fails this test, it does not skip.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/catalogue';
import { embeddedData, renderHtml } from '../runner/html';
import { z } from 'zod';
import { Conformance, VERDICTS } from '../runner/model';
import { assemble, type RunOptions } from '../runner/run';
import { junit } from '../runner/reports';
import { launchChromium } from './chromium';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const RULES = [
  'dismiss.work-group-cannot-be-dismissed',
  'dismiss.only-owner-dismisses',
  'dismiss.dismissed-group-unreachable',
  'quit.members-may-leave',
  'join.method-by-type',
  'applications.only-owner-and-admins-decide',
];
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-report-'));

interface Gate {
  out: string;
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function gate(args: string[], out: string | undefined, env: Record<string, string> = {}): Promise<Gate> {
  const t0 = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args, ...(out === undefined ? [] : ['--out', out])], {
      cwd: ROOT,
      // stdout and stderr are pipes, not terminals; FORCE_COLOR must not bring colours back
      env: { ...process.env, FORCE_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.once('error', fail);
    child.once('close', (status) => {
      clearTimeout(timer);
      done({ out: out ?? '', status, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

const readResult = (out: string) => JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as unknown;
const ruleArgs = RULES.flatMap((r) => ['--rule', r]);

let good: Gate;
let broken: Gate;
let goodResult: Conformance;
let brokenResult: Conformance;
let browser: Browser | undefined;

describe('reports of real runs', () => {
  beforeAll(async () => {
    const t0 = Date.now();
    // the browser first: a missing Chromium fails the file at once, with its reason
    const launched = await launchChromium();
    browser = launched.browser;
    process.stdout.write(`report-browser: Chromium ${browser.version()} from ${launched.choice.source} started in ${Date.now() - t0} ms\n`);
    const [g, br] = await Promise.all([
      gate(['run', ...ruleArgs, '--fuzz-runs', '5', '--seed', '7'], join(tmp, 'good')),
      // dismissing does nothing: scenarios fail, and the fuzzer finds and shrinks a counterexample
      gate(['run', '--adapter', 'selftest/broken/index.ts', ...ruleArgs, '--fuzz-runs', '100', '--seed', '3'], join(tmp, 'broken'), { GROUPSPEC_BREAK: 'dismiss-does-nothing' }),
    ]);
    good = g;
    broken = br;
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(broken.status, broken.stdout + broken.stderr).toBe(1);
    goodResult = Conformance.parse(readResult(good.out));
    brokenResult = Conformance.parse(readResult(broken.out));
    process.stdout.write(`report-browser: runs ${good.ms} ms and ${broken.ms} ms (concurrent), set-up ${Date.now() - t0} ms\n`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  // ---------------------------------------------------------------------------------------------
  // a small strict XML reader: well-formedness (one root, balanced tags, quoted unique attributes,
  // known entities, no stray `<` or `&`) and the element tree

  interface XmlElement {
    name: string;
    attrs: Record<string, string>;
    children: XmlElement[];
    text: string;
  }

  function parseXml(src: string): XmlElement {
    let i = 0;
    const NAME = /[A-Za-z_:][\w.:-]*/y;
    const fail = (why: string): never => {
      const line = src.slice(0, i).split('\n').length;
      throw new Error(`junit.xml is not well-formed XML at line ${line}: ${why}`);
    };
    const name = (): string => {
      NAME.lastIndex = i;
      const m = NAME.exec(src);
      if (m === null) fail('a name was expected');
      i += m![0].length;
      return m![0];
    };
    const space = () => {
      while (i < src.length && /\s/.test(src[i]!)) i++;
    };
    const chars = (s: string, where: string): string => {
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) fail(`a control character in ${where}`);
      if (s.includes('<')) fail(`a raw "<" in ${where}`);
      return s.replace(/&([^;]*);?/g, (all, ref: string) => {
        if (!all.endsWith(';')) fail(`an unterminated entity "${all.slice(0, 12)}" in ${where}`);
        const known: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
        if (ref in known) return known[ref]!;
        const n = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? /^#([0-9]+)$/.exec(ref);
        if (n === null) fail(`an unknown entity &${ref}; in ${where}`);
        return String.fromCodePoint(parseInt(n![1]!, ref.startsWith('#x') ? 16 : 10));
      });
    };
    const misc = () => {
      for (;;) {
        space();
        if (src.startsWith('<?', i)) {
          const end = src.indexOf('?>', i);
          if (end < 0) fail('an unterminated processing instruction');
          i = end + 2;
        } else if (src.startsWith('<!--', i)) {
          const end = src.indexOf('-->', i);
          if (end < 0) fail('an unterminated comment');
          i = end + 3;
        } else return;
      }
    };
    const element = (): XmlElement => {
      if (src[i] !== '<') fail('"<" expected');
      i++;
      const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
      for (;;) {
        const before = i;
        space();
        if (src.startsWith('/>', i)) return (i += 2), el;
        if (src[i] === '>') {
          i++;
          break;
        }
        if (i === before) fail(`whitespace expected before an attribute of <${el.name}>`);
        const attr = name();
        if (attr in el.attrs) fail(`attribute ${attr} repeated on <${el.name}>`);
        space();
        if (src[i] !== '=') fail(`"=" expected after ${attr}`);
        i++;
        space();
        const q = src[i];
        if (q !== '"' && q !== "'") fail(`attribute ${attr} is not quoted`);
        const end = src.indexOf(q!, i + 1);
        if (end < 0) fail(`attribute ${attr} is not closed`);
        el.attrs[attr] = chars(src.slice(i + 1, end), `attribute ${attr}`);
        i = end + 1;
      }
      for (;;) {
        const lt = src.indexOf('<', i);
        if (lt < 0) fail(`<${el.name}> is not closed`);
        el.text += chars(src.slice(i, lt), `the text of <${el.name}>`);
        i = lt;
        if (src.startsWith('</', i)) {
          i += 2;
          const close = name();
          if (close !== el.name) fail(`</${close}> closes <${el.name}>`);
          space();
          if (src[i] !== '>') fail(`">" expected after </${close}`);
          i++;
          return el;
        }
        if (src.startsWith('<!--', i)) {
          const end = src.indexOf('-->', i);
          if (end < 0) fail('an unterminated comment');
          i = end + 3;
        } else if (src.startsWith('<![CDATA[', i)) {
          const end = src.indexOf(']]>', i);
          if (end < 0) fail('an unterminated CDATA section');
          el.text += src.slice(i + 9, end);
          i = end + 3;
        } else el.children.push(element());
      }
    };
    if (src.startsWith('\ufeff')) i = 1;
    misc();
    const root = element();
    misc();
    if (i !== src.length) fail('content after the root element');
    return root;
  }

  describe('conformance.json', () => {
    it('validates against the result model (runner/model/index.ts) for a passing and a failing run', () => {
      for (const out of [good.out, broken.out]) {
        const parsed = Conformance.safeParse(readResult(out));
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
      }
      expect(goodResult.rules.map((r) => r.id).sort()).toEqual([...RULES].sort());
      expect(brokenResult.rules.find((r) => r.id === 'dismiss.dismissed-group-unreachable')!.verdict).toBe('failed');
      // the note is the rule's own text, without the quote blocks that wrap over several lines
      for (const r of goodResult.rules) expect(r.note, r.id).not.toMatch(/^\S*https?:\/\/\S*\)|Quote:/);
    });
  });

  describe('junit.xml', () => {
    it('is well-formed JUnit: testsuites > testsuite > testcase, one test case per scenario named by its rule ID', () => {
      for (const [out, result] of [[good.out, goodResult], [broken.out, brokenResult]] as const) {
        const root = parseXml(readFileSync(join(out, 'junit.xml'), 'utf8'));
        expect(root.name).toBe('testsuites');
        expect(root.children.map((c) => c.name)).toEqual(['testsuite']);
        const suite = root.children[0]!;
        expect(suite.children.every((c) => c.name === 'testcase')).toBe(true);
        const cases = suite.children.filter((c) => c.attrs.classname !== 'properties');
        const scenarios = result.rules.flatMap((r) => r.scenarios.map((s) => ({ rule: r, s })));
        expect(cases.length).toBe(scenarios.length);
        cases.forEach((c, k) => {
          const { rule, s } = scenarios[k]!;
          expect(c.attrs.name).toBe(`${rule.id}: ${s.name}`);
          expect(c.attrs.classname).toBe(rule.area);
          expect(Number.isFinite(Number(c.attrs.time))).toBe(true);
          expect(c.children.filter((x) => x.name === 'failure').length).toBe(['passed', 'not applicable', 'expected failure'].includes(s.verdict) ? 0 : 1);
        });
        expect(suite.children.length - cases.length).toBe(result.properties.length);
        const failures = suite.children.filter((c) => c.children.some((x) => x.name === 'failure')).length;
        expect(Number(root.attrs.failures)).toBe(failures);
        expect(Number(suite.attrs.tests)).toBe(suite.children.length);
      }
      expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
      expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/entity/);
      expect(() => parseXml('<a/><b/>')).toThrow(/after the root/);
    });
  });

  describe('the command line', () => {
    it('writes index.html on every run, and from `report` and `merge`', async () => {
      for (const out of [good.out, broken.out]) for (const f of ['conformance.json', 'junit.xml', 'summary.md', 'index.html']) expect(existsSync(join(out, f)), `${out}/${f}`).toBe(true);
      const [report, merged] = await Promise.all([
        gate(['report', join(broken.out, 'conformance.json')], join(tmp, 'report')),
        gate(['merge', join(good.out, 'conformance.json'), join(broken.out, 'conformance.json')], join(tmp, 'merged')),
      ]);
      expect(report.status, report.stderr).toBe(0);
      expect(merged.status, merged.stderr).toBe(1);
      expect(readFileSync(join(report.out, 'index.html'), 'utf8')).toBe(readFileSync(join(broken.out, 'index.html'), 'utf8'));
      expect(readFileSync(join(merged.out, 'index.html'), 'utf8')).toContain('dismiss.dismissed-group-unreachable');
      expect(readFileSync(join(merged.out, 'junit.xml'), 'utf8')).toContain('<testsuites');
    }, 120_000);

    it('prints plain lines, without escape codes, when stdout is not a terminal', () => {
      for (const g of [good, broken]) {
        expect(g.stdout).toMatch(/^groupspec run: .*\n(?:(?:progress:|  rule) .*\n)*features: \d+ scenarios/);
        expect(g.stdout + g.stderr).not.toMatch(/\u001b/);
      }
    });
  });

  describe('index.html in Chromium', () => {
    const requests: string[] = [];
    const errors: string[] = [];

    async function open(file: string, hash = ''): Promise<Page> {
      const page = await browser!.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      await page.goto(pathToFileURL(file).href + hash);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
      return page;
    }
    const shown = (page: Page) => page.locator('#rule-list > li.rule:not([hidden])').count();
    const filter = async (page: Page, id: string, value: string) => page.selectOption(`#${id}`, value);

    it('shows the totals and the gate', async () => {
      const page = await open(join(broken.out, 'index.html'));
      for (const [verdict, n] of Object.entries(brokenResult.totals)) {
        await expect(page.locator(`#totals [data-verdict="${verdict}"]`).textContent()).resolves.toBe(String(n));
      }
      await expect(page.locator('#gate').textContent()).resolves.toMatch(/The gate fails/);
      await expect(page.locator('#counts').textContent()).resolves.toContain(`${brokenResult.rules.length} rules`);
      await expect(page.locator('#rule-count').textContent()).resolves.toBe(`Showing ${RULES.length} of ${RULES.length} rules`);
      await page.close();
    });

    it('shows a known rule with its quoted sources, note and scenarios', async () => {
      const id = 'dismiss.work-group-cannot-be-dismissed';
      const rule = goodResult.rules.find((r) => r.id === id)!;
      const page = await open(join(good.out, 'index.html'));
      const li = page.locator(`li[data-rule="${id}"]`);
      await expect(li.locator('summary').textContent()).resolves.toContain(rule.title);
      await li.locator('summary').click();
      const quotes = li.locator('blockquote.quote');
      await expect(quotes.count()).resolves.toBe(rule.quotes.length);
      await expect(quotes.first().textContent()).resolves.toContain('A work group cannot be disbanded.');
      await expect(quotes.first().locator('a').getAttribute('href')).resolves.toBe(rule.quotes[0]!.url);
      await expect(li.locator('p.note').textContent()).resolves.toContain("The refusal's code is not documented");
      await expect(li.locator('p.note a').getAttribute('href')).resolves.toBe('#amb-a26-dismiss-work-group-code');
      await expect(li.locator('tr.scenario').count()).resolves.toBe(rule.scenarios.length);
      await page.close();
    });

    it('filters by area, group type, verdict, tag and text', async () => {
      const page = await open(join(broken.out, 'index.html'));
      const rules = brokenResult.rules;
      const count = async () => Number(await page.locator('#rule-count').getAttribute('data-shown'));
      expect(await shown(page)).toBe(rules.length);

      await filter(page, 'f-area', 'dismiss');
      const dismiss = rules.filter((r) => r.area === 'dismiss').length;
      expect(dismiss).toBeLessThan(rules.length);
      expect(await shown(page)).toBe(dismiss);
      expect(await count()).toBe(dismiss);

      await filter(page, 'f-verdict', 'failed');
      const dismissFailed = rules.filter((r) => r.area === 'dismiss' && r.verdict === 'failed').length;
      expect(dismissFailed).toBeGreaterThan(0);
      expect(dismissFailed).toBeLessThan(dismiss);
      expect(await shown(page)).toBe(dismissFailed);

      await filter(page, 'f-area', 'quit');
      expect(await shown(page)).toBe(rules.filter((r) => r.area === 'quit' && r.verdict === 'failed').length);

      await filter(page, 'f-area', '');
      await filter(page, 'f-verdict', 'not as expected');
      expect(await shown(page)).toBe(rules.filter((r) => !['passed', 'not applicable', 'expected failure'].includes(r.verdict)).length);

      await page.click('#f-reset');
      await filter(page, 'f-type', 'Work');
      expect(await shown(page)).toBe(rules.filter((r) => r.types.includes('Work')).length);
      await page.click('#f-reset');
      await filter(page, 'f-tag', '@ambiguous');
      expect(await shown(page)).toBe(rules.filter((r) => r.tags.includes('@ambiguous')).length);

      await page.click('#f-reset');
      await page.fill('#f-text', 'not even its owner');
      expect(await shown(page)).toBe(1);
      await expect(page.locator('#rule-list > li.rule:not([hidden])').getAttribute('data-rule')).resolves.toBe('dismiss.work-group-cannot-be-dismissed');
      await page.click('#f-reset');
      expect(await shown(page)).toBe(rules.length);
      await page.close();
    });

    it('shows a failed rule with its failure: step and message', async () => {
      const rule = brokenResult.rules.find((r) => r.verdict === 'failed' && r.scenarios.some((s) => s.failure !== undefined))!;
      const failure = rule.scenarios.find((s) => s.failure !== undefined)!.failure!;
      const page = await open(join(broken.out, 'index.html'));
      await filter(page, 'f-verdict', 'failed');
      const li = page.locator(`li[data-rule="${rule.id}"]`);
      await expect(li.isVisible()).resolves.toBe(true);
      await expect(li.getAttribute('data-verdict')).resolves.toBe('failed');
      await li.locator('summary').click();
      const block = li.locator('dl.failure').first();
      await expect(block.textContent()).resolves.toContain(failure.message.split('\n')[0]!);
      await expect(block.textContent()).resolves.toContain(failure.step);
      await page.close();
    });

    it('shows the calls behind a failed scenario in its drill-down, the last one with its method and answer', async () => {
      const rule = brokenResult.rules.find((r) => r.scenarios.some((s) => s.failure?.trace !== undefined))!;
      const scenario = rule.scenarios.find((s) => s.failure?.trace !== undefined)!;
      const trace = scenario.failure!.trace!;
      // dismissing does nothing: the trace holds the dismissGroup that answered 0
      expect(rule.scenarios.flatMap((s) => s.failure?.trace?.calls ?? []).some((c) => c.method === 'dismissGroup' && c.outcome === 'ok' && c.code === 0)).toBe(true);
      const page = await open(join(broken.out, 'index.html'), `#rule-${rule.id}`);
      const li = page.locator(`li[data-rule="${rule.id}"]`);
      const calls = li.locator('ol.calls').first();
      await expect(calls.locator(':scope > li').count()).resolves.toBe(trace.calls.length);
      const last = trace.calls.at(-1)!;
      const shown = await calls.locator(':scope > li').last().textContent();
      expect(shown).toContain(last.actor);
      expect(shown).toContain(last.method);
      expect(shown).toContain(last.outcome === 'error' ? `error ${last.code}` : `\u2192 ${last.code ?? 'ok'}`);
      await page.close();
    });

    it('shows property statistics, and a failed property with its seed, replay command and Gherkin counterexample', async () => {
      const prop = brokenResult.properties.find((p) => p.id === 'fuzz.invariants-and-reference')!;
      expect(prop.verdict, prop.failure?.message).toBe('failed');
      const page = await open(join(broken.out, 'index.html'));
      const section = page.locator('#properties');
      await expect(section.locator(`tr[id="prop-${prop.id}"] .badge`).textContent()).resolves.toBe('failed');
      await expect(section.locator('pre.gherkin').textContent()).resolves.toMatch(/Scenario: Fuzzed:[\s\S]*Then the group invariants hold/);
      await expect(section.locator('code.cmd').textContent()).resolves.toBe(prop.failure!.replay!.command);
      // the counterexample's calls, the last one with its method
      expect(prop.failure!.trace!.calls.length).toBeGreaterThan(0);
      await expect(section.locator('details.trace pre').textContent()).resolves.toContain(`${prop.failure!.trace!.calls.at(-1)!.actor} ${prop.failure!.trace!.calls.at(-1)!.method}`);
      await page.close();
      const ok = await open(join(good.out, 'index.html'));
      const passed = goodResult.properties.find((p) => p.verdict === 'passed')!;
      await expect(ok.locator(`tr[id="prop-${passed.id}"] td.num`).first().textContent()).resolves.toBe(String(passed.runs));
      await ok.close();
    });

    it('shows the permission grid from the by-role-and-type scenarios, with cells without data marked', async () => {
      const page = await open(join(broken.out, 'index.html'));
      const grid = page.locator('#grid table.grid');
      const row = (op: string, role: string) => grid.locator('tbody').filter({ has: page.locator(`th.op:text-is("${op}")`) }).locator('tr').filter({ has: page.locator(`th.role:text-is("${role}")`) });
      // header: operation, role, then the group types; every row's <td>s are the group types in that order
      const headers = await grid.locator('thead th').allTextContents();
      const cell = (op: string, role: string, type: string) => row(op, role).locator('td').nth(headers.indexOf(type) - 2);
      expect(headers.slice(2)).toEqual(['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community']);
      await expect(cell('Dismissing', 'owner', 'Work').textContent()).resolves.toMatch(/^may not 10007/);
      await expect(cell('Dismissing', 'owner', 'Public').textContent()).resolves.toMatch(/^may(?! not)/);
      await expect(cell('Dismissing', 'admin', 'Public').textContent()).resolves.toMatch(/^may not/);
      await expect(cell('Quitting', 'owner', 'Work').textContent()).resolves.toMatch(/^may(?! not)/);
      await expect(cell('Quitting', 'owner', 'Public').textContent()).resolves.toMatch(/^may not 10009/);
      await expect(cell('Joining', 'non-member', 'Public').textContent()).resolves.toMatch(/^may WaitAdminApproval/);
      // only Public groups and Communities hold join requests: the other types have no data
      await expect(cell('Deciding a request', 'admin', 'Work').textContent()).resolves.toContain('no data');
      await expect(cell('Deciding a request', 'admin', 'Public').textContent()).resolves.toMatch(/^may(?! not)/);
      // the colour is the implementation's verdict: dismissing does nothing, yet the grid's own scenarios pass or fail by rule
      const dismissCells = brokenResult.rules.find((r) => r.id === 'dismiss.only-owner-dismisses')!.scenarios.filter((s) => s.name.startsWith('Dismissing, by role'));
      const failedCells = await grid.locator('tbody').filter({ has: page.locator('th.op:text-is("Dismissing")') }).locator('td.v-failed').count();
      expect(failedCells).toBe(dismissCells.filter((s) => s.verdict === 'failed').length);
      await expect(grid.locator('td.cell.nodata').count()).resolves.toBeGreaterThan(0);
      await page.close();
    });

    it('opens the rule a #rule-<id> link names', async () => {
      const page = await open(join(broken.out, 'index.html'), '#rule-quit.members-may-leave');
      await expect(page.locator('li[data-rule="quit.members-may-leave"] details').getAttribute('open')).resolves.toBe('');
      await page.close();
    });

    it('made no network request: only the file:// document itself', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect([...new Set(requests)].every((u) => u.startsWith('file://') && u.split('#')[0]!.endsWith('/index.html'))).toBe(true);
      expect(errors).toEqual([]);
      const html = readFileSync(join(broken.out, 'index.html'), 'utf8');
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
      expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b|<script\b[^>]*\bsrc=|@import|url\(/i);
    });
  });

  describe('index.html at the scale of the whole suite', () => {
    it('stays under 2 MB with every scenario of every rule failing with long messages, and shows hostile text as text', async () => {
      const catalogue = loadCatalogue(join(ROOT, 'features'));
      const hostile = '</script><script>window.pwned = 1</script><img src="http://example.invalid/x.png">';
      // a trace as an implementation fills it: hostile text in every field it supplies
      const call = (n: number) => ({ n, actor: `${hostile}/web`, method: hostile, arg: hostile, outcome: 'error' as const, code: 10007, message: `${hostile} \u001b[31m`, events: [{ to: hostile, name: hostile, data: hostile }] });
      const hostileTrace = { calls: Array.from({ length: 12 }, (_, i) => call(i + 3)), omitted: 2, limits: { calls: 40, chars: 300, events: 8 } };
      const scenarios = catalogue.rules.flatMap((r) =>
        r.scenarios.flatMap((s) =>
          Array.from({ length: s.cases }, (_, k) => ({
            ruleID: r.id,
            name: `${s.name} #${k}`,
            location: `features/${r.file}:${s.line + k}`,
            verdict: 'failed' as const,
            durationMs: 12,
            failure: { step: 'Then it fails with code 10007', message: `${hostile} ${'x'.repeat(4000)}`, expected: 'e'.repeat(2000), actual: 'a'.repeat(2000), ...(r === catalogue.rules[0] ? { trace: hostileTrace } : {}) },
          })),
        ),
      );
      // suite-strength findings beside the results are merged in as detectedBy
      const first = catalogue.rules[0]!.id!;
      writeFileSync(join(tmp, 'suite-strength.json'), JSON.stringify({ generatedAt: 'x', detectedBy: { [first]: ['break-one', 'break-two'], 'no.such-rule': ['x'] } }));
      const options: RunOptions = { target: 'synthetic', out: tmp, seed: 1, fuzzRuns: 5, callTimeoutMs: 5000, properties: false, progress: false, log: () => undefined };
      const result = assemble(options, { scenarios, properties: [], startedAt: Date.now() }, catalogue.rules, undefined, true);
      expect(result.rules.length).toBe(catalogue.rules.length);
      expect(result.rules[0]!.detectedBy).toEqual(['break-one', 'break-two']);
      const html = renderHtml(result);
      const bytes = Buffer.byteLength(html);
      process.stdout.write(`report-browser: index.html for ${result.rules.length} rules and ${scenarios.length} failing scenarios: ${bytes} bytes\n`);
      expect(bytes).toBeLessThan(2 * 1024 * 1024);
      expect(junit(result)).toContain('&lt;/script&gt;');
      // past the page's data budget the traces go first, and the page says so
      expect(embeddedData(result, 1).tracesLeftOut).toBe(true);

      const file = join(tmp, 'synthetic.html');
      writeFileSync(file, html);
      expect(statSync(file).size).toBe(bytes);
      const page = await browser!.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${pathToFileURL(file).href}#rule-${result.rules[0]!.id}`);
      await page.waitForSelector('html[data-ready="true"]');
      await expect(page.locator('#rule-count').textContent()).resolves.toBe(`Showing ${result.rules.length} of ${result.rules.length} rules`);
      await expect(page.locator('li.rule').first().locator('dl.failure').first().textContent()).resolves.toContain('</script><script>window.pwned = 1</script>');
      const calls = page.locator('li.rule').first().locator('ol.calls').first();
      // the page may cut a trace's values to fit its budget: the text shown is the hostile text's start, as text
      const start = hostile.slice(0, 40);
      await expect(calls.locator(':scope > li').first().textContent()).resolves.toMatch(new RegExp(`^${escapeRegExp(start)}.* ${escapeRegExp(start)}.* ${escapeRegExp(start)}.* \u2192 error 10007: ${escapeRegExp(start)}`));
      await expect(calls.locator('ul.events li').first().textContent()).resolves.toMatch(new RegExp(`^event to ${escapeRegExp(start)}.*: ${escapeRegExp(start)}`));
      await expect(page.locator('li.rule').first().locator('details.trace summary').first().textContent()).resolves.toMatch(/earlier calls omitted/);
      await expect(page.evaluate(() => (globalThis as { pwned?: number }).pwned)).resolves.toBeUndefined();
      await expect(page.locator('li.rule').first().locator('.detected').textContent()).resolves.toBe('2 broken implementations');
      expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
      await page.close();
    }, 120_000);
  });
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('docs/reports.md', () => {
  /** Every field of the result model with its type as the docs write it, and whether it is optional. */
  function fields(schema: z.ZodType, path: string, out: Map<string, { type: string; optional: boolean }>): void {
    const type = (t: z.ZodType, at: string): string => {
      if (t instanceof z.ZodOptional) return type(t.unwrap() as z.ZodType, at);
      if (t instanceof z.ZodString) return 'string';
      if (t instanceof z.ZodNumber) return 'number';
      if (t instanceof z.ZodBoolean) return 'boolean';
      if (t instanceof z.ZodLiteral) return JSON.stringify(t.value);
      if (t instanceof z.ZodEnum) return JSON.stringify(t.options) === JSON.stringify(VERDICTS) ? 'Verdict' : 'enum';
      if (t instanceof z.ZodRecord) return `Record<${type(t.keyType as z.ZodType, at)}, ${type(t.valueType as z.ZodType, at)}>`;
      if (t instanceof z.ZodArray) return `${type(t.element as z.ZodType, at)}[]`;
      if (t instanceof z.ZodObject) return at.endsWith('.failure') ? 'Failure' : 'object';
      return 'unknown';
    };
    const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
    const object = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : inner;
    if (!(object instanceof z.ZodObject)) return;
    for (const [key, value] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      const at = path === '' ? key : `${path}${inner instanceof z.ZodArray ? '[]' : ''}.${key}`;
      // a Failure is documented once, as failure.*
      const name = at.replace(/^(?:rules\[\]\.scenarios\[\]|properties\[\])\.failure\./, 'failure.');
      out.set(name, { type: type(value, at), optional: value instanceof z.ZodOptional });
      fields(value, at, out);
    }
  }

  it('documents every field of the result model, with its type and whether it is optional, and nothing else', () => {
    const schema = new Map<string, { type: string; optional: boolean }>();
    fields(Conformance, '', schema);
    const doc = new Map<string, { type: string; optional: boolean }>();
    for (const line of readFileSync(join(ROOT, 'docs', 'reports.md'), 'utf8').split('\n')) {
      const m = /^\| `([^`]+)` \| `([^`]+)` \| (yes)? ?\|/.exec(line);
      if (m !== null) doc.set(m[1]!, { type: m[2]!, optional: m[3] === 'yes' });
    }
    expect(schema.size).toBeGreaterThan(60);
    expect(Object.fromEntries(doc)).toEqual(Object.fromEntries(schema));
  });
});
