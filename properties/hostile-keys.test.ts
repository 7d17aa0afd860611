/**
 * One rule for hostile keys in every user-supplied map (docs/reliability.md): `__proto__`,
 * `constructor` and `prototype`, as own keys of the objects an app passes (JSON.parse makes them so),
 * are refused with 10004 naming the field, by every method that takes a map, a key or a key list, and
 * change nothing; keys that merely look like Object.prototype's (`toString`, `hasOwnProperty` …) are
 * ordinary keys, stored and read back as given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { App, Session } from '../adapters/contract';
import { currentImplementation } from '../adapters/resolve';
import { deepEqual } from '../matchers/matchers';
import { RESERVED_KEYS } from '../simulator/core/schemas';
import { fuzzConfig } from './run';

/** An object whose own key is `k` (an object literal's `__proto__:` would set the prototype instead). */
const own = (k: string, v: unknown): Record<string, unknown> => JSON.parse(`{${JSON.stringify(k)}: ${JSON.stringify(v)}}`) as Record<string, unknown>;

interface Case {
  method: string;
  admin?: boolean;
  /** The argument carrying the key, and the field the refusal must name. */
  arg(k: string, g: string): { arg: unknown; field: string };
}

const CASES: Case[] = [
  { method: 'initGroupAttributes', arg: (k, g) => ({ arg: { groupID: g, groupAttributes: own(k, 'v') }, field: `groupAttributes.${k}` }) },
  { method: 'setGroupAttributes', arg: (k, g) => ({ arg: { groupID: g, groupAttributes: own(k, 'v') }, field: `groupAttributes.${k}` }) },
  { method: 'deleteGroupAttributes', arg: (k, g) => ({ arg: { groupID: g, keyList: [k] }, field: 'keyList[0]' }) },
  { method: 'getGroupAttributes', arg: (k, g) => ({ arg: { groupID: g, keyList: ['a', k] }, field: 'keyList[1]' }) },
  { method: 'setGroupCounters', arg: (k, g) => ({ arg: { groupID: g, counters: own(k, 1) }, field: `counters.${k}` }) },
  { method: 'increaseGroupCounter', arg: (k, g) => ({ arg: { groupID: g, key: k, value: 1 }, field: 'key' }) },
  { method: 'decreaseGroupCounter', arg: (k, g) => ({ arg: { groupID: g, key: k, value: 1 }, field: 'key' }) },
  { method: 'getGroupCounters', arg: (k, g) => ({ arg: { groupID: g, keyList: [k] }, field: 'keyList[0]' }) },
  { method: 'createGroup', arg: (k) => ({ arg: { name: 'x', type: 'Public', groupCustomField: [{ key: k, value: 'v' }] }, field: 'groupCustomField[0].key' }) },
  { method: 'createGroup', arg: (k) => ({ arg: { name: 'x', type: 'Public', memberList: [{ userID: 'bob', memberCustomField: [{ key: k, value: 'v' }] }] }, field: 'memberList[0].memberCustomField[0].key' }) },
  { method: 'updateGroupProfile', arg: (k, g) => ({ arg: { groupID: g, groupCustomField: [{ key: k, value: 'v' }] }, field: 'groupCustomField[0].key' }) },
  { method: 'setGroupMemberCustomField', arg: (k, g) => ({ arg: { groupID: g, userID: 'alice', memberCustomField: [{ key: k, value: 'v' }] }, field: 'memberCustomField[0].key' }) },
  { method: 'getGroupProfile', arg: (k, g) => ({ arg: { groupID: g, groupCustomFieldFilter: [k] }, field: 'groupCustomFieldFilter[0]' }) },
  { method: 'getGroupMemberProfile', arg: (k, g) => ({ arg: { groupID: g, userIDList: ['alice'], memberCustomFieldFilter: [k] }, field: 'memberCustomFieldFilter[0]' }) },
  { method: 'modifyGroupBaseInfo', admin: true, arg: (k, g) => ({ arg: { groupID: g, groupCustomField: [{ key: k, value: 'v' }] }, field: 'groupCustomField[0].key' }) },
  { method: 'modifyGroupMemberInfo', admin: true, arg: (k, g) => ({ arg: { groupID: g, userID: 'alice', memberCustomField: [{ key: k, value: 'v' }] }, field: 'memberCustomField[0].key' }) },
];

async function fixture(): Promise<{ app: App; alice: Session; g: string }> {
  const app = await currentImplementation().createApp();
  await app.admin.call('importAccount', { userID: 'bob' });
  const alice = await app.login('alice');
  const g = (await alice.call('createGroup', { name: 'G', type: 'Public' })).data.group.groupID as string;
  await alice.call('initGroupAttributes', { groupID: g, groupAttributes: { a: '1' } });
  await alice.call('setGroupCounters', { groupID: g, counters: { a: 1 } });
  return { app, alice, g };
}

/** What the refused calls could have touched, as the owner reads it. */
async function picture(alice: Session, g: string): Promise<unknown> {
  const read = (method: string, arg: unknown) => alice.call(method, arg).then((r) => r.data);
  return [await read('getGroupProfile', { groupID: g }), await read('getGroupAttributes', { groupID: g, keyList: [] }), await read('getGroupCounters', { groupID: g }), await read('getGroupList', undefined)];
}

const cfg = () => ({ numRuns: Math.max(40, fuzzConfig().numRuns), seed: fuzzConfig().seed ?? Date.now() });

describe('hostile keys', () => {
  it('__proto__, constructor and prototype are refused with 10004 naming the field, by every method, and change nothing', async () => {
    const { app, alice, g } = await fixture();
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CASES), fc.constantFrom(...RESERVED_KEYS), async (c, k) => {
          const before = await picture(alice, g);
          const { arg, field } = c.arg(k, g);
          const e = await (c.admin === true ? app.admin : alice).call(c.method, arg).then(
            () => undefined,
            (x: unknown) => x as { code: unknown; message: string; data?: { field?: string } },
          );
          expect(e, `${c.method} accepted the key ${k}`).toBeDefined();
          expect(e!.code, `${c.method}: ${e!.message}`).toBe(10004);
          expect(e!.message).toContain(field);
          expect(deepEqual(await picture(alice, g), before), `${c.method} with the key ${k} changed state`).toBe(true);
        }),
        cfg(),
      );
    } finally {
      await app.close();
    }
  }, 60_000);

  it('refuses them in createApp limits and memberCap too', async () => {
    for (const k of RESERVED_KEYS) {
      for (const limits of [own(k, { memberCap: 1 }), { memberCap: own(k, 1) }]) {
        const e = await currentImplementation().createApp({ limits }).then(() => undefined, (x: unknown) => x as { code: unknown; message: string });
        expect(e?.code, JSON.stringify(limits)).toBe(10004);
        expect(e!.message).toContain(k);
      }
    }
  });

  it('stores keys that look like Object.prototype members as ordinary keys, and reads them back as given', async () => {
    const { app, alice, g } = await fixture();
    try {
      await fc.assert(
        fc.asyncProperty(fc.subarray(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto', '__defineGetter__'], { minLength: 1, maxLength: 4 }), async (keys) => {
          const attrs = Object.fromEntries(keys.map((k, i) => [k, `v${i}`]));
          await alice.call('setGroupAttributes', { groupID: g, groupAttributes: attrs });
          const read = (await alice.call('getGroupAttributes', { groupID: g, keyList: keys })).data.groupAttributes as Record<string, unknown>;
          expect(Object.entries(read).sort()).toEqual(Object.entries(attrs).sort());
          const counters = Object.fromEntries(keys.map((k, i) => [k, i + 1]));
          await alice.call('setGroupCounters', { groupID: g, counters });
          const back = (await alice.call('getGroupCounters', { groupID: g, keyList: keys })).data.counters as Record<string, unknown>;
          expect(Object.entries(back).sort()).toEqual(Object.entries(counters).sort());
          await alice.call('deleteGroupAttributes', { groupID: g, keyList: keys });
        }),
        { ...cfg(), numRuns: 20 },
      );
    } finally {
      await app.close();
    }
  }, 60_000);
});
