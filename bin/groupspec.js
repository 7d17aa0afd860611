#!/usr/bin/env node
'use strict';
/**
 * groupspec command line. For now it only knows --version and --help; the commands listed in the
 * usage are to come.
 */
const pkg = require('../package.json');

const USAGE = `Usage: groupspec <command> [options]

Commands (to come):
  run       run the conformance suite against the simulator or an adapter
  serve     serve the simulator over the wire protocol
  report    render a conformance report

Options:
  --version, -v   print the version and exit
  --help, -h      print this help and exit
`;

function main(argv) {
  const command = argv[0];
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  process.stderr.write(`groupspec: unknown command ${command} (see --help)\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
