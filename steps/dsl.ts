/**
 * Step registration with the suite's conventions: a step that meets a capability the
 * implementation lacks returns 'skipped' (reported as not applicable), and every step body
 * runs with the GroupWorld as `this`.
 */
import { defineParameterType, Given, setDefinitionFunctionWrapper, Then, When } from '@cucumber/cucumber';
import type { GroupTypeName } from '../adapters/contract';
import { Skip, type GroupWorld } from './world';
import { defineReadParameterType } from './reads-ahead';

export { reads } from './reads-ahead';

type Body = (this: GroupWorld, ...args: any[]) => Promise<unknown> | unknown;

/**
 * A Skip makes the step not applicable; but when set-up issued ahead is still unanswered (an AHEAD
 * step that skipped before it settled), that set-up is awaited first: its failure is the step's, not
 * hidden by the skip (the After hook reports a pending set-up failure only for a passed scenario).
 */
function skipped(this: GroupWorld, e: unknown): unknown {
  if (!(e instanceof Skip)) throw e;
  return this.hasPending() ? this.settle().then(() => 'skipped') : 'skipped';
}

function wrap(body: Body, ahead = false): Body {
  // A synchronous body stays synchronous: cucumber then skips its timeout race for the step.
  const run = function (this: GroupWorld, args: unknown[]): unknown {
    // set-up issued ahead (GroupWorld.createAhead, GroupWorld.sequence(steps, true)) is awaited before any step that does not take it as it is
    if (!ahead && this.hasPending()) return this.settle().then(() => run.call(this, args), (e: unknown) => skipped.call(this, e));
    let result: unknown;
    try {
      result = body.apply(this, args);
    } catch (e) {
      return skipped.call(this, e);
    }
    return result instanceof Promise ? result.catch((e: unknown) => skipped.call(this, e)) : result;
  };
  // its arity, which cucumber matches against the step's arguments, is restored by cucumber itself
  // (wrapCode gives a wrapped definition its original length)
  return function (this: GroupWorld, ...args: unknown[]): unknown {
    this.stepStarted();
    return run.call(this, args);
  };
}

// Step files call cucumber's own Given / When / Then, and every body is wrapped where cucumber builds
// the definitions: cucumber records a definition's file and line from the stack at the call to Given,
// so steps registered through a function of this module were all reported (in cucumber's messages
// and cucumber.html) at one line of this file.
export { Given, Then, When };

/**
 * `Given(pattern, AHEAD, body)` or `When(pattern, AHEAD, body)`: a step that may run while set-up
 * calls issued ahead are unanswered (GroupWorld.createAhead, GroupWorld.sequence(steps, true)): it
 * names groups only through groupArg, or awaits afterPending (a When: GroupWorld.call) before
 * reading anything else.
 */
export const AHEAD = { wrapperOptions: { ahead: true } };

const hooks = new WeakSet<object>();
/** Marks a hook's function: the step wrapper leaves hooks as they are (a BeforeAll has no World). */
export function hook<F extends object>(fn: F): F {
  hooks.add(fn);
  return fn;
}

setDefinitionFunctionWrapper((fn: Body, options?: { ahead?: boolean }) => (hooks.has(fn) ? fn : wrap(fn, options?.ahead === true)));

/** Fails the step with a matcher's explanation. */
export function check(failure: string | undefined): void {
  if (failure !== undefined) throw new Error(failure);
}

const NAME = '[a-z][a-z0-9_]*';

/** The suite's parameter types, defined for cucumber and for matching the steps that read ahead (reads-ahead.ts). */
function parameterType(name: string, regexp: RegExp, transformer: (s: string) => unknown): void {
  defineParameterType({ name, regexp, transformer });
  defineReadParameterType(name, regexp, transformer);
}

parameterType('type', /Work|Public|Meeting|AVChatRoom|Community/, (s) => s as GroupTypeName);
parameterType('user', new RegExp(NAME), (s) => s);
parameterType('users', new RegExp(`${NAME}(?:(?:, | and )${NAME})*`), (s) => s.split(/, | and /));
parameterType('actor', new RegExp(`the app admin|the actor|${NAME}`), (s) => s);
/** A notice or tip number with an optional readable gloss: `5 (group dismissed)`. */
parameterType('op', /\d+(?: \([^)]*\))?/, (s) => Number.parseInt(s, 10));
parameterType('gridRole', /owner|admin|member|non-member|app admin/, (s) => s);
parameterType('json', /(?:\[|\{|"|-?\d|true\b|false\b|null\b).*/, (s) => JSON.parse(s) as unknown);
