// Bench-only function: the naive registration the burst section compares event.register with — read
// the caller, count the confirmed, insert (confirmed while the count was below the places). No
// counter, no unique key: concurrent calls all see the same count, so a burst oversells. It runs in
// the same function host, behind the same gate of 20 instances, as event.register.
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export async function main(event: { data?: { eventId?: string; places?: number } }) {
  const { eventId, places } = event.data ?? {};
  if (!eventId || !places) return { ok: false, code: 'INVALID_PARAM', message: 'eventId and places are required' };
  const { OPENID } = cloud.getWXContext();
  const db = cloud.database();
  const {
    data: [me],
  } = (await db.collection('users').where({ openid: OPENID }).limit(1).get()) as { data: Array<{ _id: string }> };
  if (!me) return { ok: false, code: 'NOT_FOUND', message: 'no such user' };
  const { total } = (await db.collection('registrations').where({ eventId, status: 'confirmed' }).count()) as { total: number };
  const status = total < places ? 'confirmed' : 'waitlisted';
  const { _id } = (await db.collection('registrations').add({ data: { eventId, userId: me._id, status, queuedAt: new Date() } })) as { _id: string };
  return { ok: true, data: { registrationId: _id, status } };
}
