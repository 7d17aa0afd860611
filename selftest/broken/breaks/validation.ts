/** Breaks of the validation area: bad options. */
import { type Break } from '../decorate';

/** The options createGroup knows (Web SDK 3.6.6). */
const CREATE_OPTIONS = new Set(['name', 'type', 'groupID', 'introduction', 'notification', 'avatar', 'maxMemberNum', 'joinOption', 'inviteOption', 'memberList', 'groupCustomField', 'isSupportTopic']);

export const VALIDATION_BREAKS: Break[] = [
  {
    id: 'unknown-create-options-ignored',
    rule: 'validation.bad-options-rejected',
    description: 'createGroup ignores options it does not know (a misspelt "introducton") instead of refusing them with 10004',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        if (method !== 'createGroup' || typeof arg !== 'object' || arg === null || Array.isArray(arg)) return next();
        return next(Object.fromEntries(Object.entries(arg).filter(([k]) => CREATE_OPTIONS.has(k))));
      },
    },
  },
];
