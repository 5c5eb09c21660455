// How each record status is named and coloured in lists and headers.
import type { RecordStatus } from '../storage/database';

export const statusLabel: Record<RecordStatus, string> = {
  draft: 'Draft',
  queued: 'Waiting to send',
  sent: 'Sent',
  attention: 'Needs attention',
};

export const statusClass: Record<RecordStatus, string> = {
  draft: 'tag grey',
  queued: 'tag blue',
  sent: 'tag green',
  attention: 'tag red',
};
