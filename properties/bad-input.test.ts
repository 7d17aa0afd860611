/**
 * Bad input, for every SDK method and every admin command the implementation declares: arbitrary
 * values (wrong types, huge strings, prototype-polluting keys) are refused with a documented code,
 * never with an error of another kind, and change nothing.
 * Rules: ['validation.bad-options-rejected']
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../simulator/errors';
import { deepEqual } from '../steps/matchers';
import { currentImplementation } from '../steps/implementation';
import { picture } from './command';
import { fuzzConfig, newSystem } from './run';

const rules = ['validation.bad-options-rejected'];
void rules;

/** Keys an attacker would try, mixed into ordinary ones. */
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'groupID', 'userIDList', 'name', 'type'));
const anything = fc.oneof(
  fc.anything({ key, maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.string({ minLength: 1000, maxLength: 5000 }),
  fc.record({ groupID: fc.anything({ key }), name: fc.anything({ key }) }, { requiredKeys: [] }),
);

describe('bad input', () => {
  it('every method refuses arbitrary values with a documented code and changes nothing', async () => {
    const impl = currentImplementation();
    const sys = await newSystem(impl);
    // one real group, so that state exists to be (wrongly) changed
    const created = await sys.sessions.get('alice')![0]!.call('createGroup', { name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] });
    sys.ids.set('G', created.data.group.groupID);
    sys.types.set('G', 'Public');
    const before = await picture(sys);
    const methods = [...impl.capabilities.operations.map((m) => ['alice', m] as const), ...impl.capabilities.adminOperations.map((m) => ['@admin', m] as const)];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), anything, async ([actor, method], arg) => {
        let code: unknown;
        try {
          await (actor === '@admin' ? sys.app.admin.call(method, arg) : sys.sessions.get(actor)![0]!.call(method, arg));
        } catch (e) {
          code = (e as { code?: unknown }).code;
          expect(typeof code, `${method} threw an uncoded ${String(e)}`).toBe('number');
          expect(ERRORS.has(code as number), `${method} refused with undocumented code ${String(code)}`).toBe(true);
        }
        const after = await picture(sys);
        expect(deepEqual(after, before), `${method}(${fc.stringify(arg).slice(0, 200)}) changed state`).toBe(true);
      }),
      { numRuns: Math.max(300, fuzzConfig().numRuns * 3) },
    );
    await sys.app.close();
  }, 120_000);
});
