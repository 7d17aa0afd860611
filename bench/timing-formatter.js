// A cucumber formatter for the suite benchmark (bench/suite.ts): one JSON line when the first
// test case finishes and one when the run finishes, with wall-clock times, so the parent process
// can tell cold start from run time. Prints nothing else, for the real run and the floor alike.
const { Formatter } = require('@cucumber/cucumber');

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

class TimingFormatter extends Formatter {
  constructor(options) {
    super(options);
    let cases = 0;
    let failed = 0;
    options.eventBroadcaster.on('envelope', (envelope) => {
      if (envelope.testCaseFinished !== undefined) {
        cases++;
        if (cases === 1) this.log(`${JSON.stringify({ event: 'firstCaseFinished', at: Date.now(), cpuMs: cpuMs() })}\n`);
      }
      if (envelope.testStepFinished !== undefined && envelope.testStepFinished.testStepResult.status !== 'PASSED') failed++;
      if (envelope.testRunFinished !== undefined) {
        this.log(`${JSON.stringify({ event: 'runFinished', at: Date.now(), cases, nonPassedSteps: failed, success: envelope.testRunFinished.success })}\n`);
      }
    });
  }
}

module.exports = TimingFormatter;
