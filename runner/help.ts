/** The command line's help: one overview, and one page per subcommand (`groupspec <command> --help`). */

const RUN = `groupspec run [options]: run the suite; exit 0 when every verdict is as expected, 1 when not, 2 on a usage error

Which implementation:
  --adapter PATH|simulator|tencent-cloud   an in-process implementation (module exporting createImplementation())
                         tencent-cloud-emulated: the tencent-cloud adapter offline, on an in-process REST
                         emulator with its users on groupspec/chat (docs/tencent-cloud.md)
  --url URL              a server speaking the wire protocol (docs/protocol.md)
  --no-stream            with --url: batches over HTTP even when the server offers its stream (§4.12)

What to run:
  --rule ID              only this rule (repeatable)
  --tags EXPR            cucumber tag expression, e.g. "@type:Work and not @ambiguous"
  --grep REGEX           only scenarios whose title matches (and the properties of their rules)
  --last-failed          only the rules that were not as expected in the previous run in --out
  --shard K/N            deterministic shard by rule ID
  --no-properties        features only
  --list                 print what the selection would run, and run nothing
  A selection that matches no scenario is a usage error (exit 2).

How:
  --bail                 stop at the first failure: the rules not reached read "not run", the result is
                         marked incomplete, exit 1
  --parallel N           cucumber worker processes (each loads the whole suite again: on two cores one,
                         the default, is faster)
  --serial               check the properties after the features on the one thread; by default an
                         in-process run of the simulator on two cores or more checks them on a second
                         thread while the features run (the same results, reported in the same order)
  --seed N               fuzz seed (default: time-based, printed)
  --fuzz-runs N          runs per property (default 40)
  --call-timeout MS      deadline of every call to the implementation (default 5000)
  --expectations FILE    expected verdicts by rule ID (see docs/adapters.md)
  --out DIR              where results go (default reports/)
  --replay SEED:PATH     rerun one fuzz counterexample (printed by a failed run) against the same
                         --adapter or --url; exit 1 when it still fails

Watch (for adapter authors):
  --watch                run, then run again whenever the adapter module or a file it loaded changes
                         (debounced), with a short result each time; Ctrl-C (SIGINT) stops it and
                         exits with the last run's code. Needs a terminal: without one (CI) it is a
                         usage error, so a pipeline cannot hang on it
  --watch-path PATH      also watch this file or directory (repeatable; directories recursively);
                         with --url or the simulator, what to watch
  --watch-anyway         watch even without a terminal

On a terminal a live line shows rules done / total and failures so far; otherwise plain lines.
`;

const SERVE = `groupspec serve [--port N] [--host H]: serve the reference simulator over the wire protocol (docs/protocol.md)

  --port N               TCP port, 0 to 65535 (default 8765; 0 picks a free one)
  --host H               address to bind (default 127.0.0.1)
  --max-body-bytes N, --headers-timeout MS, --request-timeout MS, --keep-alive-timeout MS,
  --idle-timeout MS, --max-connections N   server limits (docs/protocol.md §6)
  --no-stream            serve no stream (docs/protocol.md §4.12): clients send their batches over HTTP
Stops on SIGINT or SIGTERM.
groupspec serve --rest emulates Tencent's REST API and group webhooks instead: groupspec serve --rest --help
`;

const REPORT = `groupspec report FILE.json [--out DIR]: render conformance.json, junit.xml, summary.md and index.html from a result
groupspec report --compare OLD.json NEW.json: list the rules whose verdict changed

  --out DIR              where reports go (default reports/)
  --compare              compare two results instead of rendering one
`;

const MERGE = `groupspec merge A.json B.json ... [--out DIR]: merge shard results into one run and render its reports
exit 0 when every merged verdict is as expected, 1 when not

  --out DIR              where results go (default reports/)
`;

export const HELP: Record<'run' | 'serve' | 'report' | 'merge', string> = { run: RUN, serve: SERVE, report: REPORT, merge: MERGE };

export const OVERVIEW = `groupspec: the executable specification of Tencent Cloud Chat group management

Usage:
  groupspec run [options]          run the suite; exit 0 when every verdict is as expected
  groupspec serve [--port N] [--host H]   serve the reference simulator over the wire protocol
        [--max-body-bytes N] [--headers-timeout MS] [--request-timeout MS] [--keep-alive-timeout MS]
        [--idle-timeout MS] [--max-connections N]   server limits (docs/protocol.md §6)
  groupspec serve --rest [--sdkappid N] [--secret-key K] [--admin ID] [--callback-url URL]
                                   emulate Tencent's REST API and group webhooks (serve --rest --help)
  groupspec report FILE.json [--out DIR]  render reports from a conformance.json
  groupspec report --compare OLD.json NEW.json   list rules whose verdict changed
  groupspec merge A.json B.json ... [--out DIR]  merge shard results into one run
  groupspec --version | --help
  groupspec <command> --help       the options of one command

Exit codes: 0 every verdict as expected; 1 any is not; 2 a usage or setup error (one line on stderr).

${RUN}`;

/** True when the arguments ask for help (`-h` or `--help` anywhere before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
