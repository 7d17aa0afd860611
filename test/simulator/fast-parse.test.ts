/**
 * The fast paths in front of zod (simulator/core/fast-parse.ts) must agree with zod: whatever a
 * fast path vouches for, zod accepts, with the same output (same keys, same order, same values);
 * whatever zod refuses, no fast path vouches for. zod stays the source of truth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_PARSE, UNSURE } from '../../simulator/core/fast-parse';
import { schemas, type SchemaName } from '../../simulator/core/schemas';
import { createSimulator } from '../../simulator';
import { ChatError } from '../../simulator/core/errors';

/** Same value, same keys in the same order, at every level; -0 and NaN told apart as Object.is does. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameData((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/** Values a field might hold: the kinds each schema tells apart, and their edges. */
const EDGES: unknown[] = ['', 'g1', '@TGS#_x', 'Owner', 'Admin', 'Member', 'Custom', 'Boss', '\u{1F600}', undefined, null, 0, -0, 1, -1, 200, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1.5, NaN, Infinity, -Infinity, true, false, [], {}, ['a'], [''], ['a', 1], { now: () => 0 }, { now: 0 }];
const fieldValue = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.anything(),
);

/** A value each field accepts, so that a good share of generated inputs are valid. */
function validFor(key: string): unknown {
  if (['count', 'limit', 'offset', 'maxMemberNum', 'duration', 'muteTime', 'seed', 'filter'].includes(key)) return 1;
  if (['unlimitedAVChatRoom', 'isSupportTopic', 'muteAllMembers'].includes(key)) return true;
  if (key === 'userIDList') return ['u1', 'u2'];
  if (key === 'joinOption' || key === 'inviteOption') return 'FreeAccess';
  if (key === 'clock') return { now: () => 0 };
  // a group type: the admin's create_group takes only these (the SDK's createGroup any string)
  if (key === 'type') return 'Public';
  return key === 'role' ? 'Member' : 'g1';
}

/** An input shaped like a schema's options: some of its keys (maybe none), maybe an extra key, maybe another prototype. */
function inputsFor(keys: readonly string[]): fc.Arbitrary<unknown> {
  const extra = ['extra', 'groupid', '__proto__', 'toString', 'constructor'];
  const shaped = fc
    .tuple(
      fc.subarray([...keys]),
      fc.array(fc.tuple(fc.constantFrom(...keys, ...extra), fieldValue), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom(...keys), fieldValue),
      fc.constantFrom('plain', 'plain', 'plain', 'null', 'inherited', 'class'),
    )
    .map(([present, added, values, proto]) => {
      const o: Record<string, unknown> = proto === 'null' ? Object.create(null) : proto === 'inherited' ? Object.create({ groupID: 'g1' }) : proto === 'class' ? new (class Options {})() : {};
      // valid-looking values first, so a good share of inputs are ones a fast path vouches for
      for (const k of present) o[k] = k in values ? values[k] : validFor(k);
      for (const [k, v] of added) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    });
  return fc.oneof(shaped, fieldValue);
}

const names = Object.keys(FAST_PARSE) as SchemaName[];

describe('fast parse paths agree with zod', () => {
  for (const name of names) {
    it(`${name}: vouches only for what zod accepts, with zod's output`, () => {
      const fast = FAST_PARSE[name]!;
      const schema = schemas()[name] as unknown as { safeParse(v: unknown): { success: boolean; data?: unknown }; def?: unknown };
      const shape = (schemas()[name] as unknown as { shape?: Record<string, unknown>; unwrap?: () => { shape?: Record<string, unknown> } });
      const keys = Object.keys(shape.shape ?? shape.unwrap?.().shape ?? { groupID: 1 });
      let vouched = 0;
      fc.assert(
        fc.property(inputsFor(keys), (input) => {
          const mine = fast(input);
          if (mine === UNSURE) return;
          vouched++;
          const theirs = schema.safeParse(input);
          expect(theirs.success).toBe(true);
          expect(sameData(mine, theirs.data)).toBe(true);
        }),
        { numRuns: 2000 },
      );
      // and every edge value in every field, the other fields valid or left out
      const allValid = Object.fromEntries(keys.map((k) => [k, validFor(k)]));
      for (const k of keys) {
        for (const v of EDGES) {
          for (const input of [{ ...allValid, [k]: v }, { groupID: 'g1', [k]: v }, { [k]: v }, v]) {
            const mine = fast(input);
            if (mine === UNSURE) continue;
            vouched++;
            const theirs = schema.safeParse(input);
            expect(theirs.success, `${name} vouched for ${String(v)} in ${k}`).toBe(true);
            expect(sameData(mine, theirs.data)).toBe(true);
          }
        }
      }
      // a fast path that never vouches would pass the check above and be dead weight
      expect(vouched).toBeGreaterThan(0);
    });
  }

  it('a vouched input is not kept: the command gets a fresh object, as from zod', () => {
    const input = { groupID: 'g1', limit: 5 };
    const out = FAST_PARSE.AdminGetGroupMemberInfoOptions!(input);
    expect(out).not.toBe(input);
    expect(out).toEqual({ groupID: 'g1', limit: 5 });
  });

  it('bad input gets the same refusal as before: zod still words it', async () => {
    const sim = createSimulator();
    const chat = sim.login('alice');
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: ChatError) => ({ code: e.code, message: e.message }),
      );
    expect(await refusal(chat.joinGroup({ groupID: '' }))).toEqual({ code: 10004, message: 'Invalid parameter (groupID: is required)' });
    expect(await refusal(chat.joinGroup({ groupID: 'g', extra: 1 } as never))).toEqual({ code: 10004, message: "Invalid parameter (options: unknown option 'extra')" });
    expect(await refusal(chat.quitGroup(7 as never))).toMatchObject({ code: 10004 });
    expect(await refusal(sim.admin.invoke('getGroupMemberInfo', { groupID: 'g', limit: 0 }))).toMatchObject({ code: 10004 });
  });
});
