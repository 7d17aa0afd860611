/**
 * The shape of the error every refused call rejects with (simulator/core/errors.ts ChatError): an
 * Error whose own keys, their order and attributes, the text `{...err}`, JSON.stringify and String
 * give, and the stack's first line are what apps see. Pinned because the constructor builds them by
 * hand (for speed), not through Error's own `message`.
 */
import { describe, expect, it } from 'vitest';
import { ChatError } from '../../simulator/core/errors';
import { createSimulator } from '../../simulator';

const data = (d: PropertyDescriptor) => ({ value: d.value, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });

describe('ChatError', () => {
  for (const limit of [10, 0]) {
    it(`has own stack, message, code, data and name, in that order, message enumerable (stackTraceLimit ${limit})`, () => {
      const saved = Error.stackTraceLimit;
      Error.stackTraceLimit = limit;
      try {
        const e = new ChatError(10010, 'Group not found (groupID: g1)', { field: 'groupID' });
        expect(Reflect.ownKeys(e)).toEqual(['stack', 'message', 'code', 'data', 'name']);
        const d = Object.getOwnPropertyDescriptors(e);
        expect(data(d.message!)).toEqual({ value: 'Group not found (groupID: g1)', writable: true, enumerable: true, configurable: true });
        expect(data(d.code!)).toEqual({ value: 10010, writable: true, enumerable: true, configurable: true });
        expect(data(d.data!)).toEqual({ value: { field: 'groupID' }, writable: true, enumerable: true, configurable: true });
        expect(data(d.name!)).toEqual({ value: 'Error', writable: true, enumerable: true, configurable: true });
        expect(d.stack!.enumerable).toBe(false);
        expect(String(e.stack).split('\n')[0]).toBe('Error: Group not found (groupID: g1)');
        expect(String(e)).toBe('Error: Group not found (groupID: g1)');
        expect(JSON.stringify(e)).toBe('{"message":"Group not found (groupID: g1)","code":10010,"data":{"field":"groupID"},"name":"Error"}');
        expect({ ...e }).toEqual({ message: 'Group not found (groupID: g1)', code: 10010, data: { field: 'groupID' }, name: 'Error' });
        expect(e).toBeInstanceOf(Error);
      } finally {
        Error.stackTraceLimit = saved;
      }
    });
  }

  it('an empty message is still an own enumerable message, and a refused call rejects with this shape', async () => {
    expect(Object.getOwnPropertyDescriptor(new ChatError(1, ''), 'message')).toMatchObject({ value: '', enumerable: true });
    const e = await createSimulator()
      .login('alice')
      .quitGroup('nope')
      .then(
        () => undefined,
        (x: unknown) => x as ChatError,
      );
    expect(e).toBeInstanceOf(ChatError);
    expect(Reflect.ownKeys(e!)).toEqual(['stack', 'message', 'code', 'data', 'name']);
  });
});
