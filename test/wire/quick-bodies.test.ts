/**
 * The wire server's quick checks in front of zod (servers/wire/bodies.ts, QUICK_CHECKS) must agree
 * with zod: whatever a quick check vouches for, the schema accepts and returns unchanged (the same
 * keys and values; zod puts them in its schema's order, and the server reads them by name), so that
 * parseBody answers the same with or without them; whatever the
 * schema refuses, no quick check vouches for. zod stays the source of truth (and of the messages).
 * Bodies are generated as the server gets them: parsed from JSON text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AppBody, BatchBody, CallBody, EmptyBody, EventsBody, QUICK_CHECKS, SessionBody, parseBody } from '../../servers/wire/bodies';
import { agreesWithZod, shaped as shapedLike } from './shaped';

const EDGES: unknown[] = ['', '/', '/v1/apps', 'v1/apps', 'GET', 'POST', 'DELETE', 'PUT', 'get', 'u1', 'getGroupList', null, 0, 1, -1, 1.5, true, false, [], {}, ['a'], { method: 'GET' }];
const anyValue = fc.oneof(fc.constantFrom(...EDGES), fc.string(), fc.integer(), fc.jsonValue({ maxDepth: 2 }));

/** An object with some of `valid`'s keys (valid values mostly), maybe others, maybe extra keys; as JSON would deliver it. */
const shaped = (valid: Record<string, fc.Arbitrary<unknown>>) => shapedLike(valid, anyValue, { extra: ['extra', '__proto__', 'toString', 'constructor', 'Method'], weight: 5 });

const item = shaped({ method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'), path: fc.constantFrom('/v1/apps', '/', 'v1', ''), body: anyValue });
const BODIES: Array<[string, z.ZodType, fc.Arbitrary<unknown>]> = [
  ['CallBody', CallBody, shaped({ method: fc.constantFrom('getGroupList', '', 'x'), arg: anyValue })],
  ['BatchBody', BatchBody, shaped({ requests: fc.array(item, { maxLength: 4 }), references: fc.oneof(fc.boolean(), anyValue) })],
  ['SessionBody', SessionBody, shaped({ userID: fc.oneof(fc.string(), anyValue), device: fc.oneof(fc.constantFrom('web', 'ios'), anyValue), unlimitedAVChatRoom: fc.oneof(fc.boolean(), anyValue) })],
  ['EmptyBody', EmptyBody, shaped({})],
  [
    'AppBody',
    AppBody,
    shaped({
      seed: fc.oneof(fc.nat(), fc.constantFrom(0, -0, -1, 1.5, 0xffffffff, 0x100000000, 2 ** 53, '1'), anyValue),
      customFields: fc.oneof(shaped({ group: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.constantFrom([1], ['a', null]), anyValue), member: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), anyValue) }), anyValue),
      limits: fc.oneof(fc.constant({}), fc.constant({ userGroupQuota: 3 }), anyValue),
    }),
  ],
  ['EventsBody', EventsBody, shaped({ after: fc.oneof(fc.nat(), fc.constantFrom(-0, -1, 1.5, 2 ** 53 - 1, 2 ** 53, 1e300, '3'), anyValue) })],
];

describe('the wire server quick body checks agree with zod', () => {
  it('covers every schema it has a quick check for', () => {
    expect(new Set(QUICK_CHECKS.keys())).toEqual(new Set(BODIES.map(([, schema]) => schema)));
  });

  for (const [name, schema, bodies] of BODIES) {
    it(`${name}: what the quick check vouches for, zod accepts unchanged; parseBody answers as zod does`, () => {
      agreesWithZod(schema, QUICK_CHECKS.get(schema)!, bodies, {
        vouched: (body, data) => {
          expect(body).toStrictEqual(data);
          expect(parseBody(schema, body)).toBe(body);
        },
        accepted: (body, data) => expect(parseBody(schema, body)).toStrictEqual(data),
        refused: (body) => expect(() => parseBody(schema, body)).toThrow(/invalid request body/),
      });
    });
  }
});
