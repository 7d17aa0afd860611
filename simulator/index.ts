/**
 * groupspec: a deterministic, in-memory reference simulator of Tencent Cloud Chat group
 * management, reached through the Web SDK's method names and the app admin's REST powers.
 */
export { createSimulator, Simulator, type SimulatorOptions, type DeliveredEvent, type LimitOverrides } from './shell/simulator';
export { Chat, type ChatResponse, type ChatEvent } from './shell/chat';
export { AppAdmin } from './shell/admin';
export { VirtualClock, DEFAULT_START, type Clock } from './shell/clock';
export { TYPES, EVENT, NOTICE, GROUP_TYPES, TYPE_NAMES, type GroupType, type Role, type JoinOption, type InviteOption } from './constants';
export { ERRORS, ERR, ChatError, renderMessage, isCodedError, type ErrorEntry, type ErrorCode, type Refusal } from './errors';
export { DEFAULT_LIMITS, type Limits } from './core';
