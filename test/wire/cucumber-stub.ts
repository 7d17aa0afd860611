/**
 * Stands in for @cucumber/cucumber where a test drives the World and the steps' functions by hand
 * (`vi.mock('@cucumber/cucumber', () => import('./cucumber-stub'))`): the step files register with
 * cucumber as they load, and here registering does nothing.
 */
export class World {
  constructor(readonly options: unknown) {}
}
export const setWorldConstructor = () => undefined;
export const defineParameterType = () => undefined;
export const Given = () => undefined;
export const When = () => undefined;
export const Then = () => undefined;
/** The step wrapper steps/dsl.ts registers, for a test that wraps a body as cucumber would. */
export let definitionWrapper: ((fn: (...args: any[]) => unknown, options?: unknown) => (...args: any[]) => unknown) | undefined;
export const setDefinitionFunctionWrapper = (w: typeof definitionWrapper) => {
  definitionWrapper = w;
};

/** A World as cucumber would make it, without its report functions. */
export const WORLD_OPTIONS = { attach: () => undefined, log: () => undefined, link: () => undefined, parameters: {} } as never;
