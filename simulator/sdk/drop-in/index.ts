/**
 * `groupspec/chat`: a drop-in for the default export of `@tencentcloud/chat` 3.6.6. Alias the
 * vendor module to this one in a test run (docs/drop-in.md) and app code runs unchanged against
 * the simulator: `TencentCloudChat.create({ SDKAppID })`, `EVENT`, `TYPES`, every `ChatSDK` method.
 * `TencentCloudChat.groupspec` is the test's handle on the one simulated service they all share.
 *
 * The module's value is the object itself (`module.exports`, as the vendor's UMD build), so
 * `require`, `import X from` (with or without esModuleInterop-style interop) and jest/vitest
 * aliases all see `create` where the vendor has it.
 */
import { ChatError, ERR } from '../../core/errors';
import { EVENT, TSignaling, TYPES, VERSION } from './constants';
import { control, type DropInControl } from './control';
import { DropInChat, type CreateOptions } from './instance';

/**
 * A new instance per call. (The vendor caches one per SDKAppID; the fake does not, so one test
 * process can hold several users' instances: see docs/drop-in.md, "Differences".) A SDKAppID that
 * is not a positive integer is refused with 2000 NO_SDKAPPID, where the vendor returns null.
 */
function create(options: CreateOptions): DropInChat {
  const id = (options as { SDKAppID?: unknown } | null | undefined)?.SDKAppID;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
    throw new ChatError(ERR.NO_SDKAPPID, `No SDKAppID: create needs a numeric SDKAppID (got ${typeof id === 'number' ? id : typeof id})`, { field: 'SDKAppID' });
  }
  const device = (options as { device?: unknown }).device;
  if (device !== undefined && (typeof device !== 'string' || device === '')) {
    throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (device: must be a non-empty string)', { field: 'device' });
  }
  return new DropInChat({ ...options });
}

const TencentCloudChat: {
  create: typeof create;
  EVENT: typeof EVENT;
  TYPES: typeof TYPES;
  TSignaling: typeof TSignaling;
  VERSION: typeof VERSION;
  /** The test's handle on the shared service (not part of the vendor module). */
  groupspec: DropInControl;
} = { create, EVENT, TYPES, TSignaling, VERSION, groupspec: control };

export = TencentCloudChat;
