/** Per-scenario lifecycle: every scenario gets a fresh, isolated app, closed afterwards. */
import { After, setDefaultTimeout } from '@cucumber/cucumber';
import type { GroupWorld } from './world';

setDefaultTimeout(Number(process.env.GROUPSPEC_STEP_TIMEOUT_MS ?? 10_000));

After(async function (this: GroupWorld) {
  if (this.appStarted()) await (await this.app()).close();
});
