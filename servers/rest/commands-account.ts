/**
 * The account commands (`v4/im_open_login_svc/*`): a user exists once imported (or once logged in
 * through the SDK shape), as on the service.
 */
import { z } from 'zod';
import { ERR } from '../../simulator/core/errors';
import { RestFault } from './codes';
import { account, admin, defined, spec, text, type CommandSpec } from './fields';

export const ACCOUNT_COMMANDS: Record<string, CommandSpec> = {
  /** account_import (1047/34953). */
  'im_open_login_svc/account_import': spec(z.object({ UserID: account, Nick: text.optional(), FaceUrl: text.optional() }), async (ctx, b) => {
    await admin(ctx, 'importAccount', defined({ userID: b.UserID, nick: b.Nick, avatar: b.FaceUrl }));
    return {};
  }),
  /** multiaccount_import (1047/34954): up to 100 accounts; those that fail are listed. */
  'im_open_login_svc/multiaccount_import': spec(z.object({ Accounts: z.array(z.string()).min(1, 'must name at least one account') }), async (ctx, b) => {
    if (b.Accounts.length > 100) throw new RestFault(ERR.INVALID_PARAMETER, `Invalid parameter (Accounts: ${b.Accounts.length} accounts > 100)`);
    const FailAccounts: string[] = [];
    for (const userID of b.Accounts) {
      try {
        await admin(ctx, 'importAccount', { userID });
      } catch {
        FailAccounts.push(userID);
      }
    }
    return { FailAccounts };
  }),
  /** account_check (1047/38417): Imported or NotImported, per account. */
  'im_open_login_svc/account_check': spec(z.object({ CheckItem: z.array(z.object({ UserID: account })).min(1, 'must name at least one account').max(100, 'names at most 100 accounts') }), async (ctx, b) => {
    const users = ctx.service.state.users;
    return { ResultItem: b.CheckItem.map(({ UserID }) => ({ UserID, ResultCode: 0, ResultInfo: '', AccountStatus: users.has(UserID) ? 'Imported' : 'NotImported' })) };
  }),
};
