/**
 * Bad input, for every SDK method and every admin command the implementation declares: arbitrary
 * values (wrong types, huge strings, prototype-polluting keys) are refused with a documented code,
 * never with an error of another kind, and change nothing.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Implementation } from '../adapters/contract';
import { ERRORS } from '../simulator/core/errors';
import { deepEqual } from '../matchers/matchers';
import { callAs, picture } from './command';
import type { PropertyRunConfig } from './config';
import { newSystem } from './run';
import { simulatorImplementation } from '../adapters/simulator';
import { thrown } from '../matchers/thrown';
import TencentCloudChat from '../simulator/sdk/drop-in';
import { VENDOR_METHODS } from '../simulator/sdk/drop-in/methods';

/** Keys an attacker would try, mixed into ordinary ones. */
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'groupID', 'userIDList', 'name', 'type'));
export const anything = fc.oneof(
  fc.anything({ key, maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.string({ minLength: 1000, maxLength: 5000 }),
  fc.record({ groupID: fc.anything({ key }), name: fc.anything({ key }) }, { requiredKeys: [] }),
);

export async function badInput(impl: () => Implementation, cfg: PropertyRunConfig): Promise<void> {
  const implementation = impl();
  const sys = await newSystem(implementation);
  // The reference decides which generated values are in fact valid ({name: 'x'} creates a Work group).
  const reference = await newSystem(simulatorImplementation());
  try {
    // one real group, so that there is state to be (wrongly) changed
    for (const s of [sys, reference]) {
      const created = await callAs(s, 'alice', 'createGroup', { name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] });
      s.ids.set('G', created.data.group.groupID);
      s.types.set('G', 'Public');
    }
    let before = await picture(sys);
    const caps = implementation.capabilities;
    const methods = [...caps.operations.map((m) => ['alice', m] as const), ...caps.adminOperations.map((m) => ['@admin', m] as const)];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), anything, ([actor, method], arg) => (cfg.failing === undefined ? judge(actor, method, arg) : cfg.failing.watch(sys.app, () => judge(actor, method, arg)))),
      { numRuns: cfg.numRuns * 3, seed: cfg.seed },
    );
    async function judge(actor: string, method: string, arg: unknown): Promise<void> {
      const shown = `${method}(${fc.stringify(arg).slice(0, 200)})`;
      const accepted = await callAs(reference, actor, method, arg).then(
        () => true,
        () => false,
      );
      try {
        await callAs(sys, actor, method, arg);
        assert.ok(accepted, `${shown} was accepted; the reference simulator refuses it`);
        // valid input is not bad input: its effect is the baseline the next refusals are compared with
        before = await picture(sys);
        return;
      } catch (e) {
        // a transport that cannot carry the value (a typed array over JSON) has nothing to judge
        const t = thrown(e);
        if (t.name === 'NotApplicable') return;
        if (e instanceof assert.AssertionError) throw e;
        const code = t.code;
        assert.equal(typeof code, 'number', `${method} threw an uncoded ${t.shown}`);
        assert.ok(ERRORS.has(code as number), `${method} refused with the undocumented code ${String(code)}`);
      }
      assert.ok(deepEqual(await picture(sys), before), `${shown} changed state`);
    }
  } finally {
    await sys.app.close();
    await reference.app.close();
  }
}

/**
 * The same for the drop-in `groupspec/chat` (simulator/sdk/drop-in): every member of the vendor
 * `ChatSDK` surface but logout and destroy (which take no argument and end the session by design),
 * called on a logged-in instance with an arbitrary argument, either succeeds or fails with a
 * registered code (thrown or rejected), and a failure changes nothing the service or the instance
 * can show. Success is valid input: its effect becomes the baseline.
 */
export async function dropInBadInput(cfg: PropertyRunConfig): Promise<void> {
  const { groupspec } = TencentCloudChat;
  groupspec.reset({ seed: cfg.seed });
  try {
    const chat = TencentCloudChat.create({ SDKAppID: 1400000000 });
    const ready = new Promise<void>((ok) => chat.on(TencentCloudChat.EVENT.SDK_READY, () => ok()));
    await chat.login({ userID: 'alice', userSig: 'sig' });
    await ready;
    await groupspec.admin.importAccount({ userID: 'bob' });
    const { data } = await chat.createGroup({ name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] });
    const groupID = data.group.groupID as string;
    const snapshot = async () =>
      JSON.stringify([
        await groupspec.admin.getGroupInfo(groupID).catch((e: { code: number }) => e.code),
        (await groupspec.admin.getJoinedGroupList({ userID: 'alice' })).data,
        (await chat.getMyProfile()).data,
        chat.isReady(),
        chat.getLoginUser(),
        groupspec.simulator.events.length,
      ]);
    let before = await snapshot();
    const methods = VENDOR_METHODS.filter((m) => m !== 'logout' && m !== 'destroy');
    const table = chat as unknown as Record<string, (a: unknown) => unknown>;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), anything, async (method, arg) => {
        const shown = `${method}(${fc.stringify(arg).slice(0, 200)})`;
        try {
          await table[method]!.call(chat, arg);
          before = await snapshot();
          return;
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          assert.equal(typeof code, 'number', `${shown} failed uncoded: ${String(e)}`);
          assert.ok(ERRORS.has(code as number), `${shown} refused with the undocumented code ${String(code)}`);
        }
        assert.equal(await snapshot(), before, `${shown} changed state`);
      }),
      { numRuns: cfg.numRuns * 3, seed: cfg.seed },
    );
  } finally {
    groupspec.reset();
  }
}
