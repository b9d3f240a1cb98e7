import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';

/** A user's own notifications, and nobody else's (every role, administrators included). */
export function notificationVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'notifications'>): Expression<SqlBool> => eb('notifications.user_id', '=', actor.id);
}
