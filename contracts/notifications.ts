import { z } from 'zod';
import { pageOf, paging } from './common.ts';

export const notificationListQuery = z.strictObject({
  ...paging,
  unread: z.enum(['true', 'false']).optional(),
});

export const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationList = pageOf(notification).extend({ unread: z.number() });

export const notificationsRead = z.object({ updated: z.number() });

export type Notification = z.infer<typeof notification>;
export type NotificationList = z.infer<typeof notificationList>;
