/** Per-scenario lifecycle: every scenario gets a fresh, isolated app, closed afterwards. */
import { After, AfterAll, Before, BeforeAll, setDefaultTimeout } from '@cucumber/cucumber';
import { TestStepResultStatus } from '@cucumber/messages';
import { NOTHING_HAS_CHANGED, type GroupWorld } from './world';
import { hook } from './dsl';
import { ReadsAhead } from './reads-ahead';
import { currentImplementation, resolveImplementation } from '../adapters/resolve';

import { INCIDENT_MEDIA_TYPE, TRACE_MEDIA_TYPE } from './incident';

BeforeAll(hook(async function () {
  await resolveImplementation();
}));

AfterAll(hook(async function () {
  await currentImplementation().close?.();
}));

// Every call to the implementation has its own deadline (World.deadline, --call-timeout): that is
// what times a slow implementation out, as *timeout*. A step budget of cucumber's would fire first on
// a step of many slow-but-in-time calls and report a conformant implementation as failed, so there is
// none unless GROUPSPEC_STEP_TIMEOUT_MS asks for one (runner/features.ts reports it as a timeout too).
setDefaultTimeout(Number(process.env.GROUPSPEC_STEP_TIMEOUT_MS ?? -1));

Before(hook(function (this: GroupWorld, { pickle }) {
  this.comparesStates = pickle.steps.some((s) => s.text === NOTHING_HAS_CHANGED);
  if (this.impl.inOrder === true) this.ahead = ReadsAhead.of(pickle.steps);
}));

After(hook(async function (this: GroupWorld, { result }) {
  // set-up issued ahead that no step awaited (a scenario of Givens only): its failure fails a passing scenario
  if (this.hasPending()) {
    await this.settle().catch((e: unknown) => {
      if (result?.status === TestStepResultStatus.PASSED) throw e;
    });
  }
  if (this.incident !== undefined) this.attach(JSON.stringify(this.incident), INCIDENT_MEDIA_TYPE);
  // only a failure pays for rendering its calls; a passing scenario's trace is dropped with its app
  if (result?.status === TestStepResultStatus.FAILED) {
    const trace = await this.trace();
    if (trace !== undefined) this.attach(JSON.stringify(trace), TRACE_MEDIA_TYPE);
  }
  if (this.appStarted()) await this.deadline('close', (await this.app()).close()).catch(() => undefined);
}));
