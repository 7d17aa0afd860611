/**
 * decodeJson takes the common request natively (servers/http/body.ts): the content type compared
 * whole, valid UTF-8 checked and decoded by node instead of the fatal TextDecoder. It must answer
 * as the general road does (the header split into media type and charset, every body through the
 * fatal decoder: a BOM dropped, a lone surrogate or a stray byte refused) for any bytes and header.
 */
import fc from 'fast-check';
import type * as http from 'node:http';
import { describe, expect, it } from 'vitest';
import { HttpFault } from '../../servers/http/fault';
import { decodeJson } from '../../servers/http/body';

const fatal = new TextDecoder('utf-8', { fatal: true });

/** decodeJson before the native road. */
function before(type: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const [mediaType, ...params] = (type ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    throw new HttpFault(415, 'unsupported-media-type', `request bodies must be Content-Type: application/json (UTF-8), got ${JSON.stringify(type ?? '')}`);
  }
  try {
    return JSON.parse(fatal.decode(raw));
  } catch (e) {
    throw new HttpFault(400, 'malformed-json', `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (e) {
    return e instanceof HttpFault ? [e.status, e.reason, e.message] : String(e);
  }
}

const BOM = [0xef, 0xbb, 0xbf];
const types = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"', 'application/json;charset=latin1', 'text/plain', '', 'application/json; charset=utf-8; x=1');
const bytes = fc.oneof(
  // JSON text, often with non-ASCII characters, sometimes behind a BOM or with a byte changed
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.boolean(), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })))).map(([v, bom, poke]) => {
    const b = Buffer.concat([Buffer.from(bom ? BOM : []), Buffer.from(JSON.stringify(v) ?? 'null', 'utf8')]);
    if (poke !== null && b.length > 0) b[poke[0] % b.length] = poke[1];
    return b;
  }),
  // a lone surrogate (WTF-8), overlong forms, truncated sequences, any bytes
  fc.constantFrom([0x22, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xc0, 0xaf, 0x22], [0x22, 0xe7, 0xbe, 0x22], [0xef, 0xbb, 0xbf], [0xef, 0xbb], BOM.concat([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).map((a) => Buffer.from(a)),
  fc.uint8Array({ maxLength: 12 }).map((a) => Buffer.from(a)),
);

describe('decodeJson', () => {
  it('answers as the fatal decoder and the split header do, for any bytes and content type', () => {
    fc.assert(
      fc.property(types, bytes, (type, raw) => {
        const req = { headers: type === undefined ? {} : { 'content-type': type } } as http.IncomingMessage;
        expect(outcome(() => decodeJson(req, raw))).toEqual(outcome(() => before(type, raw)));
      }),
      { numRuns: 5000, seed: 21 },
    );
  });
});
