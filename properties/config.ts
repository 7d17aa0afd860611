/** What one run of a property is given and reports: shared by the catalogue and every property. */
export interface PropertyRunConfig {
  numRuns: number;
  seed: number;
}

export interface PropertyStats {
  runs: number;
  commands: number;
}
