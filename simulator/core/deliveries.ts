/**
 * What a command asks the shell to deliver. The core names audiences; the shell turns each into
 * the devices logged in at delivery time and builds the SDK-shaped event payloads.
 */
export type Audience =
  /** Exactly these users (every device of each). */
  | { users: readonly string[] }
  /** Every member of the group as it is after the command, less some users. */
  | { membersOf: string; except?: readonly string[] };

export interface TipPayload {
  operationType: number;
  operatorID: string;
  userIDList: string[];
  groupProfile: { groupID: string; groupName: string };
  memberList?: Array<{ userID: string; muteTime?: number; reason?: string }>;
  newGroupProfile?: Record<string, unknown>;
  memberNum: number;
  memberCount: number;
}

export interface NoticePayload {
  operationType: number;
  operatorID: string;
  groupProfile: { groupID: string; name: string; groupType: string };
  handleMessage: string;
  authentication: string;
  messageKey: string;
  userDefinedField: string;
}

export type Delivery =
  | { kind: 'tip'; groupID: string; to: Audience; payload: TipPayload }
  | { kind: 'notice'; to: Audience; payload: NoticePayload }
  /** The `group_create` custom message the Web SDK sends into a group it has just created. */
  | { kind: 'groupMessage'; groupID: string; from: string; fromDevice: string; to: Audience; data: string }
  | { kind: 'groupListUpdated'; to: Audience }
  | { kind: 'attributes'; to: Audience; data: { groupID: string; groupAttributes: Record<string, string>; updatedKeyList: string[]; deletedKeyList: string[] } }
  | { kind: 'counter'; to: Audience; data: { groupID: string; key: string; value: number } }
  | { kind: 'kickedOut'; userID: string; device: string; type: string };
