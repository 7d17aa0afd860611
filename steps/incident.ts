/** The attachment by which a scenario tells the runner it crashed or timed out rather than failed. */
export const INCIDENT_MEDIA_TYPE = 'application/vnd.groupspec.incident+json';
