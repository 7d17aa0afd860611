/** The attachment by which a scenario tells the runner it crashed or timed out rather than failed. */
export const INCIDENT_MEDIA_TYPE = 'application/vnd.groupspec.incident+json';

/** The attachment carrying a failed scenario's call trace (adapters/contract/trace.ts RenderedTrace, as JSON). */
export const TRACE_MEDIA_TYPE = 'application/vnd.groupspec.trace+json';
