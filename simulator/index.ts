/**
 * groupspec: a deterministic, in-memory reference simulator of Tencent Cloud Chat group
 * management, reached through the Web SDK's method names and the app admin's REST powers.
 */
export { createSimulator, Simulator } from './sdk/simulator';
export type { SimulatorOptions, DeliveredEvent, LimitOverrides } from './shell/service';
export { Chat, type ChatResponse, type ChatEvent } from './sdk/chat';
export { AppAdmin } from './sdk/admin';
export { VirtualClock, DEFAULT_START, type Clock } from './shell/clock';
export { TYPES, EVENT, NOTICE, GROUP_TYPES, TYPE_NAMES, type GroupType, type Role, type JoinOption, type InviteOption } from './core/constants';
export { ERRORS, ERR, ChatError, renderMessage, isCodedError, type ErrorEntry, type ErrorCode, type Refusal } from './core/errors';
export { DEFAULT_LIMITS, type Limits } from './core';
