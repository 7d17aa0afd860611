/** Request bodies: read with a size cap, decoded as UTF-8 JSON objects. */
import { isUtf8 } from 'node:buffer';
import type * as http from 'node:http';
import { HttpFault } from './fault';

/**
 * Past this many bytes over the cap an oversized body is no longer drained but cut off. Draining
 * is what lets a well-behaved client read the 413 (closing mid-upload makes it see a reset
 * instead), but it must not let a runaway client keep the server reading forever.
 */
export const DRAIN_ALLOWANCE_BYTES = 16 * 1024 * 1024;

/** Resolves with the whole body, or rejects with 413 only once the upload has ended (see DRAIN_ALLOWANCE_BYTES). */
export function readBody(req: http.IncomingMessage, maxBytes: number, drainAllowance = DRAIN_ALLOWANCE_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new HttpFault(413, 'body-too-large', `request body exceeds ${maxBytes} bytes`, { Connection: 'close' });
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > maxBytes + drainAllowance) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
      }
    });
    // a body in one chunk (most) is taken as it is: Buffer.concat would copy it
    req.on('end', () => (size > maxBytes ? reject(tooLarge()) : resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON request body. Empty means `{}`: endpoints whose fields are all optional need not send a
 * body at all. Anything but `application/json` in UTF-8 is 415; bytes that are not UTF-8 or text
 * that is not JSON are 400 malformed-json (fatal decoding: a lone surrogate must not become U+FFFD
 * and pass as a different string).
 */
export function decodeJson(req: http.IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const type = req.headers['content-type'];
  // what clients send (the wire client among them), taken without splitting the header
  if (type !== 'application/json' && type !== 'application/json; charset=utf-8') {
    const [mediaType, ...params] = (type ?? '').split(';').map((s) => s.trim().toLowerCase());
    const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
      throw new HttpFault(415, 'unsupported-media-type', `request bodies must be Content-Type: application/json (UTF-8), got ${JSON.stringify(type ?? '')}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(utf8Text(raw));
  } catch (e) {
    throw new HttpFault(400, 'malformed-json', `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return value;
}

/**
 * The bytes as text, as the fatal decoder gives it: valid UTF-8 without a byte order mark (which
 * the decoder drops) is checked and decoded natively, faster than TextDecoder; anything else goes
 * through the decoder, which throws for bytes that are not UTF-8 (a lone surrogate among them).
 */
function utf8Text(raw: Buffer): string {
  const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  return !bom && isUtf8(raw) ? raw.toString('utf8') : utf8.decode(raw);
}

/** A body that must be a JSON object (not an array, a string or null). */
export function requireObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpFault(400, 'invalid-request', 'invalid request body: body: must be a JSON object');
  }
  return value as Record<string, unknown>;
}
