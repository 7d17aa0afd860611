// cucumber-js profiles. Steps run through ts-node transpile-only; `npm run typecheck` type-checks them once.
const common = {
  paths: ['features/**/*.feature'],
  require: ['steps/**/*.ts'],
  requireModule: ['ts-node/register/transpile-only'],
  strict: true,
};

module.exports = {
  default: { ...common, format: ['progress'] },
  conformance: {
    ...common,
    format: [
      'progress',
      'message:reports/cucumber-messages.ndjson',
      'junit:reports/cucumber-junit.xml',
      'html:reports/cucumber.html',
    ],
  },
};
