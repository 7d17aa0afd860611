'use strict';
// cucumber's formatter for its stdout where the gate shows nothing of cucumber's own output
// (runner/features.ts): without one, cucumber adds its `progress` formatter, whose dots and
// summary (durations of every test case) went to a stream that drops them.
module.exports = { type: 'formatter', formatter() {} };
