import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { okResponse, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { listNotificationsQuery, notificationPage } from './notification.schema.ts';
import { listNotifications, markAllRead, markRead } from './notification.service.ts';

export async function notificationRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['notifications'];

  api.get('/notifications', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Your own notifications, newest first, with the unread count', querystring: listNotificationsQuery, response: { 200: notificationPage } },
  }, async (request) => listNotifications(serviceContext(ctx, request), request.query));

  api.post('/notifications/:id/read', {
    config: { access: 'authenticated', scope: { 'params.id': 'notification' } },
    schema: { tags, summary: 'Mark one of your notifications read', params: uuidParam, response: { 200: okResponse } },
  }, async (request) => {
    await markRead(serviceContext(ctx, request), request.params.id);
    return { ok: true as const };
  });

  api.post('/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Mark all your notifications read', response: { 200: z.object({ marked: z.number().int() }) } },
  }, async (request) => ({ marked: await markAllRead(serviceContext(ctx, request)) }));
}
