// cucumber-js profiles. Steps run through ts-node transpile-only; `npm run typecheck` type-checks them once.
// No `paths` here: cucumber defaults to features/**/*.feature, and paths given on the command line
// (`npx cucumber-js features/join`) would otherwise be added to this list rather than replace it.
const common = {
  require: ['steps/**/*.ts'],
  requireModule: ['ts-node/register/transpile-only'],
  strict: true,
};

module.exports = {
  default: { ...common, format: ['progress'] }
};
