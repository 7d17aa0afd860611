/** The breaks by area, in the order of CONTRIBUTING's areas. */
import type { Break } from '../decorate';
import { ADMIN_BREAKS } from './admin';
import { ADMIN_IMPORT_BREAKS } from './admin-import';
import { APPLICATIONS_BREAKS } from './applications';
import { ATTRIBUTES_BREAKS } from './attributes';
import { AVCHATROOM_BREAKS } from './avchatroom';
import { COMMUNITY_BREAKS } from './community';
import { COUNTERS_BREAKS } from './counters';
import { CREATE_BREAKS } from './create';
import { DISMISS_BREAKS } from './dismiss';
import { EVENTS_BREAKS } from './events';
import { INVITE_BREAKS } from './invite';
import { JOIN_BREAKS } from './join';
import { LIMITS_BREAKS } from './limits';
import { LISTS_BREAKS } from './lists';
import { MEMBER_REMOVAL_BREAKS } from './member-removal';
import { MEMBERS_BREAKS } from './members';
import { PROFILE_BREAKS } from './profile';
import { QUIT_BREAKS } from './quit';
import { SESSION_BREAKS } from './session';
import { TRANSFER_BREAKS } from './transfer';
import { VALIDATION_BREAKS } from './validation';

export const AREA_BREAKS: Break[] = [
  ...CREATE_BREAKS,
  ...JOIN_BREAKS,
  ...INVITE_BREAKS,
  ...APPLICATIONS_BREAKS,
  ...QUIT_BREAKS,
  ...DISMISS_BREAKS,
  ...TRANSFER_BREAKS,
  ...MEMBERS_BREAKS,
  ...MEMBER_REMOVAL_BREAKS,
  ...PROFILE_BREAKS,
  ...LISTS_BREAKS,
  ...LIMITS_BREAKS,
  ...AVCHATROOM_BREAKS,
  ...COMMUNITY_BREAKS,
  ...EVENTS_BREAKS,
  ...ADMIN_BREAKS,
  ...ADMIN_IMPORT_BREAKS,
  ...ATTRIBUTES_BREAKS,
  ...COUNTERS_BREAKS,
  ...SESSION_BREAKS,
  ...VALIDATION_BREAKS,
];
