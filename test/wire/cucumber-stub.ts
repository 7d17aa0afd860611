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
export const setDefinitionFunctionWrapper = () => undefined;

/** A World as cucumber would make it, without its report functions. */
export const WORLD_OPTIONS = { attach: () => undefined, log: () => undefined, link: () => undefined, parameters: {} } as never;
