/**
 * The live adapter's configuration for the emulator: a REST base URL makes the region optional
 * and is used in place of the region's domain; the SDK-shape URL spares the WebSocket and Web SDK.
 */
import { describe, expect, it } from 'vitest';
import { ENV, readConfig } from '../../adapters/tencent-cloud/config';
import { createImplementation, SetupError } from '../../adapters/tencent-cloud';
import { restUrl } from '../../adapters/tencent-cloud/rest';

const BASE = { [ENV.SDKAPPID]: '1400000000', [ENV.SECRET_KEY]: 'k', [ENV.ADMIN]: 'administrator' };

describe('GROUPSPEC_TENCENT_REST_URL and GROUPSPEC_TENCENT_SDK_URL', () => {
  it('a REST base URL stands in for the region, and the request URL is built on it', () => {
    const config = readConfig({ ...BASE, [ENV.REST_URL]: 'http://127.0.0.1:8765/' });
    expect(config.restBaseUrl).toBe('http://127.0.0.1:8765/');
    const url = restUrl({ service: 'group_open_http_svc', command: 'create_group' }, { domain: config.restDomain, baseUrl: config.restBaseUrl, sdkAppID: 1, identifier: 'a', userSig: 's', random: 2 });
    expect(url).toBe('http://127.0.0.1:8765/v4/group_open_http_svc/create_group?sdkappid=1&identifier=a&usersig=s&random=2&contenttype=json');
  });
  it('without it the region is still required; a URL that is not http(s) is named', () => {
    expect(() => readConfig(BASE)).toThrow(/missing GROUPSPEC_TENCENT_REGION/);
    expect(() => readConfig({ ...BASE, [ENV.REST_URL]: 'ftp://x' })).toThrow(SetupError);
    expect(() => readConfig({ ...BASE, [ENV.REST_URL]: 'http://x', [ENV.SDK_URL]: 'nope' })).toThrow(/GROUPSPEC_TENCENT_SDK_URL must be an http\(s\) URL/);
  });
  it('with the SDK shape, the adapter needs no WebSocket: it is created and named after the emulator', () => {
    const impl = createImplementation({ env: { ...BASE, [ENV.REST_URL]: 'http://127.0.0.1:1', [ENV.SDK_URL]: 'http://127.0.0.1:2' } });
    expect(impl.name).toContain('REST at http://127.0.0.1:1');
    expect(impl.name).toContain('SDK shape at http://127.0.0.1:2');
  });
});
