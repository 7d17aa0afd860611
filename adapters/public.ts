/**
 * `groupspec/adapter`: what an adapter author imports from the installed package. The contract's
 * types and constants (docs/adapters.md), `defineAdapter` to type an adapter module's factory, and
 * the reference simulator as an Implementation, to wrap or to compare against.
 */
import type { Implementation } from './contract';

export * from './contract';
export { simulatorImplementation } from './simulator';

/** What an adapter module exports: a factory the gate calls once per run (it may be async). */
export type AdapterFactory = () => Implementation | Promise<Implementation>;

/**
 * Types an adapter module's factory and checks it is one. `export default defineAdapter(() => …)`
 * (or `exports.default = …` in CommonJS) is what `groupspec run --adapter ./my-adapter` loads.
 */
export function defineAdapter(factory: AdapterFactory): AdapterFactory {
  if (typeof factory !== 'function') throw new TypeError(`defineAdapter takes a function that returns an Implementation, got ${factory === null ? 'null' : typeof factory}`);
  return factory;
}
