// Runs one feature file through runFeatures with cucumber's own `message` and `html` formats and
// with runner/cucumber-reports.ts side by side, into the directory given (test/cucumber-reports.test.ts).
import { join, resolve } from 'node:path';
import { runFeatures } from '../../runner/features';
import { supportCode } from '../../runner/paths';

const [feature, out] = process.argv.slice(2) as [string, string];
const root = resolve(__dirname, '..', '..');
void runFeatures({
  cwd: root,
  ...supportCode(root),
  paths: [feature],
  formats: [`message:${join(out, 'cucumber.ndjson')}`, `html:${join(out, 'cucumber.html')}`],
  cucumberReports: { messages: join(out, 'ours.ndjson'), html: join(out, 'ours.html') },
}).then((scenarios) => console.log(scenarios.length));
