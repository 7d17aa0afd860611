// cucumber-js profiles. Steps are transpiled as they load, by swc (no type-check)
// (runner/register-ts.js); `npm run typecheck` type-checks them once.
// No `paths` here: cucumber defaults to features/**/*.feature, and paths given on the command line
// (`npx cucumber-js features/join`) would otherwise be added to this list rather than replace it.
const common = {
  require: ['steps/**/*.ts'],
  // cucumber requires these from its own directory: the path must be absolute
  requireModule: [require.resolve('./bin/native-match-indices.js'), require.resolve('./runner/register-ts.js')],
  strict: true,
};

module.exports = {
  default: { ...common, format: ['progress'] }
};
