/**
 * Compile-time contract of the drop-in `groupspec/chat` against the vendor typings
 * (@tencentcloud/chat 3.6.6). Nothing here runs: `npm run typecheck` fails if a check fails.
 *
 * 1. The method table (simulator/sdk/drop-in/methods.ts) names exactly the members of the vendor's
 *    `ChatSDK`: a vendor method missing from it, or a name the vendor lacks, fails here.
 * 2. An instance is assignable to `ChatSDK` as a whole (all 148 members), so app code typed
 *    against the vendor SDK can be handed one, and `create` is assignable to the vendor's.
 * 3. The module's constants have every key the vendor typings declare (the values are compared at
 *    run time by constants.test.ts; the vendor's enums are nominal, so their types cannot be).
 */
import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK } from '@tencentcloud/chat';
import type DropIn from '../../simulator/sdk/drop-in';
import type { DropInChat } from '../../simulator/sdk/drop-in/instance';
import type { VendorMethod } from '../../simulator/sdk/drop-in/methods';

type Assignable<T extends U, U> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type True<T extends true> = T;

export type Checks = [
  // 1. exactly the vendor's members, both ways
  True<Same<VendorMethod, keyof ChatSDK>>,
  Assignable<keyof ChatSDK, VendorMethod>,
  Assignable<VendorMethod, keyof ChatSDK>,
  // 2. the instance and create
  Assignable<DropInChat, ChatSDK>,
  Assignable<ReturnType<typeof DropIn.create>, ChatSDK>,
  Assignable<Parameters<typeof TencentCloudChat.create>[0], Parameters<typeof DropIn.create>[0]>,
  // 3. every constant the vendor typings declare exists in the drop-in (which has more: the runtime's)
  Assignable<keyof typeof TencentCloudChat.TYPES, keyof typeof DropIn.TYPES>,
  Assignable<keyof typeof TencentCloudChat.EVENT, keyof typeof DropIn.EVENT>,
];

