/**
 * The test driver's model and the system under test, as fast-check's model-based testing sees them.
 * The model holds only what the driver must know to pick sensible commands and to state facts the
 * API cannot show (which dismissals succeeded, which applications were decided); everything else
 * is read back from the implementation itself.
 */
import type { App, GroupTypeName, Implementation, Session } from '../adapters/contract';
import type { Outcome } from '../matchers/matchers';
import type { Picture } from '../matchers/observe';

export const USERS = ['alice', 'bob', 'carol', 'dave'] as const;
export type User = (typeof USERS)[number];
/** dave logs in with unlimitedAVChatRoom; alice on two devices. */
export const UNLIMITED_AV: ReadonlySet<string> = new Set(['dave']);

export interface ModelGroup {
  alias: string;
  type: GroupTypeName;
  dismissed: boolean;
  /** Who created it: the generator's hint for an actor likely to hold rights (`@creator`). */
  creator: string;
}

export interface DecidedApplication {
  alias: string;
  applicant: string;
}

export interface Model {
  groups: ModelGroup[];
  decided: DecidedApplication[];
  nextAlias: number;
}

export function emptyModel(): Model {
  return { groups: [], decided: [], nextAlias: 1 };
}

/** One side of a run: an app of some implementation, its sessions and what the driver learned. */
export interface System {
  impl: Implementation;
  app: App;
  sessions: Map<string, Session[]>;
  ids: Map<string, string>;
  types: Map<string, GroupTypeName>;
  dismissed: Set<string>;
  /** `alias/applicant` -> the application item as this system listed it, once decided. */
  decided: Map<string, unknown>;
  /** The picture after the last step: the "before" of the next one. */
  last: Picture | undefined;
  /** Per session, how many events had arrived before the current step. */
  cursors: Map<Session, number>;
}

export interface Real {
  sut: System;
  /** The reference simulator run in lockstep (differential mode), or undefined. */
  reference: System | undefined;
  /**
   * The reference simulator run in lockstep only to foresee each step's outcome, not compared with
   * (a pipelined run without differential checks, properties/pipeline.ts), or undefined.
   */
  shadow?: System;
  /** The steps run so far, as Gherkin lines, for the counterexample scenario. */
  trace: string[];
  pendingListSize: number;
}

export type { Outcome };
