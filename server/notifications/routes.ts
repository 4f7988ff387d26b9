import { z } from 'zod';
import { idParams } from '../../contracts/common.ts';
import { notification, notificationList, notificationListQuery, notificationsRead } from '../../contracts/notifications.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import { listNotifications, markAllRead, markRead } from '../platform/notifications.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/notifications',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'read' },
  summary: '我的消息（报送提醒等），最新在前，附未读数',
  query: notificationListQuery,
  response: notificationList,
  handler: ({ services, access, query }) => listNotifications(services.database.db, access, query),
});

const read = defineRoute({
  method: 'POST',
  url: '/api/notifications/:id/read',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'update' },
  summary: '标记一条消息为已读（他人的消息返回404）',
  params: idParams,
  body: z.strictObject({}).optional(),
  response: notification,
  handler: ({ services, access, params, write }) =>
    write(async (tx, audit) => {
      const n = await markRead(tx, access, params.id, services.now());
      await audit.record({ action: 'read', entityType: 'notification', entityId: n.id, after: { readAt: n.readAt } });
      return n;
    }),
});

const readAll = defineRoute({
  method: 'POST',
  url: '/api/notifications/read-all',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'update' },
  summary: '全部标记为已读',
  body: z.strictObject({}).optional(),
  response: notificationsRead,
  handler: ({ services, access, actor, write }) =>
    write(async (tx, audit) => {
      const updated = await markAllRead(tx, access, services.now());
      if (updated) await audit.record({ action: 'read_all', entityType: 'notification', entityId: actor!.userId, after: { updated } });
      return { updated };
    }),
});

export const notificationRoutes: AnyRoute[] = [list, read, readAll];
