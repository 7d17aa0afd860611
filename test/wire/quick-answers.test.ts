/**
 * The wire client's quick checks in front of zod (adapters/wire/protocol.ts, judge.ts QUICK_ANSWERS)
 * must agree with zod: whatever a quick check vouches for, the schema accepts, and the answer the
 * client then keeps has every field zod's parse would give it, with the same values (zod's parse
 * drops keys its schema does not name; the client reads only the named ones). Whatever the schema
 * refuses, no quick check vouches for, so a malformed answer still gets zod's verdict and message.
 * Answers are generated as the client gets them: parsed from JSON text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { QUICK_ANSWERS, checked } from '../../adapters/wire/judge';
import { AppAnswer, BatchAnswer, CallAnswer, Done, EventsAnswer, NowAnswer, SessionAnswer, WireError } from '../../adapters/wire/protocol';
import { agreesWithZod, shaped as shapedLike } from './shaped';

const EDGES: unknown[] = ['', 'a', 'web', null, 0, 1, -1, 1.5, -0, 2 ** 53, 1e300, '3', true, false, [], {}, ['a'], { code: 0 }, { ok: true }];
const anyValue = fc.oneof(fc.constantFrom(...EDGES), fc.string(), fc.integer(), fc.double(), fc.jsonValue({ maxDepth: 2 }));

/** An object with `valid`'s keys mostly (valid values mostly), maybe extra keys; or anything at all; as JSON would deliver it. */
const shaped = (valid: Record<string, fc.Arbitrary<unknown>>) =>
  shapedLike(valid, anyValue, { present: (keys) => fc.oneof({ weight: 3, arbitrary: fc.constant(keys) }, { weight: 1, arbitrary: fc.subarray(keys) }), extra: ['extra', '__proto__', 'Ok'], weight: 6 });

const ok = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: anyValue });
const int = fc.oneof({ weight: 6, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constantFrom(1.5, -0, 2 ** 53, 1e300, '3') }, { weight: 1, arbitrary: anyValue });
const coded = shaped({ code: int, message: fc.oneof(fc.string(), anyValue), data: fc.oneof(fc.constant({ a: 1 }), anyValue) });
const refusalOr = (answer: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(shaped({ ok, ...answer }), shaped({ ok: fc.oneof(fc.constant(false), anyValue), error: coded }));
const event = shaped({ seq: int, name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('onGroupAttributesUpdated', '') }, { weight: 1, arbitrary: anyValue }), data: anyValue });
const ANSWERS: Array<[string, z.ZodType, fc.Arbitrary<unknown>]> = [
  ['CallAnswer', CallAnswer, refusalOr({ result: shaped({ code: fc.oneof(fc.constant(0), int), data: anyValue }) })],
  ['EventsAnswer', EventsAnswer, shaped({ ok, events: fc.oneof({ weight: 4, arbitrary: fc.array(event, { maxLength: 2 }) }, { weight: 1, arbitrary: anyValue }), next: int, more: fc.oneof(fc.boolean(), anyValue) })],
  ['BatchAnswer', BatchAnswer, shaped({ ok, responses: fc.oneof(fc.array(shaped({ status: int, body: anyValue }), { maxLength: 3 }), anyValue) })],
  ['SessionAnswer', SessionAnswer, refusalOr({ sessionID: fc.oneof(fc.constantFrom('s1', ''), anyValue), userID: fc.oneof(fc.string(), anyValue), device: fc.oneof(fc.constantFrom('web', ''), anyValue) })],
  ['AppAnswer', AppAnswer, shaped({ ok, appID: fc.oneof(fc.constantFrom('a1', ''), anyValue) })],
  ['Done', Done, shaped({ ok })],
  ['NowAnswer', NowAnswer, shaped({ ok, now: fc.oneof(fc.integer(), fc.double(), anyValue) })],
];

describe('the wire client quick answer checks agree with zod', () => {
  it('covers every schema it has a quick check for', () => {
    expect(new Set(QUICK_ANSWERS.keys())).toEqual(new Set(ANSWERS.map(([, schema]) => schema)));
  });

  for (const [name, schema, answers] of ANSWERS) {
    it(`${name}: what the quick check vouches for, zod accepts, with the same fields; what zod refuses is refused with zod's message`, () => {
      agreesWithZod(schema, QUICK_ANSWERS.get(schema)!, answers, {
        vouched: (answer, data) => {
          expect(answer).toMatchObject(data as object);
          expect(checked(schema, 'GET x', answer)).toBe(answer);
        },
        accepted: (answer, data) => expect(checked(schema, 'GET x', answer)).toStrictEqual(data),
        refused: (answer) => {
          expect(() => checked(schema, 'GET x', answer)).toThrow(WireError);
          expect(() => checked(schema, 'GET x', answer)).toThrow(/GET x answered 200 with a body the protocol does not allow/);
        },
      });
    });
  }
});
