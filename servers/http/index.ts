/**
 * servers/http: the shared HTTP base of every server in the project (the wire protocol server,
 * the REST emulator). Owns start/stop, limits, body reading, JSON decoding, faults and routing.
 * Imports nothing of the project (node: built-ins only). See servers/README.md.
 */
export { HttpFault, internalFault, type BaseReason, type ErrorBody } from './fault';
export { DRAIN_ALLOWANCE_BYTES, decodeJson, readBody, requireObject } from './body';
export { DEFAULT_SERVER_LIMITS, resolveLimits, type ServerLimits } from './limits';
export { Router, cachedResolver, checkTarget, splitTarget, type Params, type Route, type SplitTarget, type Target } from './routing';
export { RawJson, answer, answerRaw, encode, faultReply, startHttpServer, type HttpServerOptions, type Reply, type RunningHttpServer, type UpgradeHook } from './server';
