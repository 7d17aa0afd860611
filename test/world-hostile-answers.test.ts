/**
 * The World's call path against answers a hostile implementation hands over where the contract
 * promises a session, an admin surface or an Error (round six made the path run without an async
 * function per call; these are the cases its review found it judged differently from before):
 * each must end the call as a crash of the implementation, at once, never as a loop or a failure.
 */
import { describe, expect, it, vi } from 'vitest';

// the steps register with cucumber as they load; here the World is used as a plain class
vi.mock('@cucumber/cucumber', () => import('./wire/cucumber-stub.js'));
import type { App, Implementation, Session } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';
import { ADMIN, GroupWorld } from '../steps/world';
import { WORLD_OPTIONS } from './wire/cucumber-stub';

/** The embedded simulator, untraced (as with GROUPSPEC_TRACE=off), its apps changed by `change`. */
function worldWith(change: (app: App) => App): { w: GroupWorld; logins: () => number } {
  const inner = simulatorImplementation();
  let logins = 0;
  const impl: Implementation = {
    ...inner,
    name: inner.name,
    contractVersion: inner.contractVersion,
    capabilities: inner.capabilities,
    createApp: async (o) => {
      const app = change(await inner.createApp(o));
      return {
        ...app,
        admin: app.admin,
        close: () => app.close(),
        login: (u, opts) => {
          // a World that logs in again and again (all in microtasks, so no timer ends it) is stopped here
          if (++logins > 100) throw new Error('the World logged in over 100 times for one call');
          return app.login(u, opts);
        },
      };
    },
  };
  const w = new GroupWorld(WORLD_OPTIONS);
  w.impl = impl;
  return { w, logins: () => logins };
}

describe('the World against hostile answers', () => {
  it('a login that resolves undefined crashes the call, after one login, not a login per retry', async () => {
    const { w, logins } = worldWith((app) => ({ ...app, admin: app.admin, close: () => app.close(), login: async () => undefined as unknown as Session }));
    const o = await w.attempt('alice', 'getGroupList');
    expect(o.ok).toBe(false);
    expect(w.incident?.kind).toBe('crashed');
    expect(w.incident?.message).toMatch(/call/);
    expect(logins()).toBe(1);
  });

  it('an app whose admin surface is undefined crashes the admin call', async () => {
    const { w } = worldWith((app) => ({ login: (u, o) => app.login(u, o), close: () => app.close(), admin: undefined as never }));
    const o = await w.attempt(ADMIN, 'importAccount', { userID: 'bob' });
    expect(o.ok).toBe(false);
    expect(w.incident?.kind).toBe('crashed');
  });

  it('a call that rejects with a revoked Proxy crashes, as a rejection that cannot be inspected', async () => {
    const { w } = worldWith((app) => ({
      ...app,
      admin: app.admin,
      close: () => app.close(),
      login: async (u, o) => {
        const s = await app.login(u, o);
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return { ...s, call: () => Promise.reject(proxy) } as Session;
      },
    }));
    const o = await w.attempt('alice', 'getGroupList');
    expect(o.ok).toBe(false);
    expect(w.incident?.kind).toBe('crashed');
    expect(w.incident?.message).toMatch(/revoked/);
  });
});
