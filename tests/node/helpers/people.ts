// Verified residents of the demo compound made straight in the database: enough distinct people for
// a burst (registrations, faults), each in one of building 1's flats.
import { blankUser } from '../../../cloudfunctions/runtime/model';

/**
 * Adds `count` residents named `<prefix>-<i>` (their openid; with `idIsOpenid` their _id too, so a
 * registration's userId names its openid) and answers their openids.
 */
export async function addResidents(db: any, count: number, prefix: string, opts: { idIsOpenid?: boolean } = {}): Promise<string[]> {
  const now = new Date();
  const docs = Array.from({ length: count }, (_x, i) => {
    const openid = `${prefix}-${i}`;
    const room = `${(i % 9) + 1}01`;
    return {
      ...(opts.idIsOpenid ? { _id: openid } : {}),
      ...blankUser(openid, now, {
        compoundId: 'demo-compound',
        compoundName: '红湖公园城',
        displayName: `居民${i}`,
        roles: ['resident'],
        householdId: `demo-h1-1-${room}`,
        householdRelation: 'family',
        home: { buildingId: 'demo-b1', buildingName: '1栋', unit: '1', room },
      }),
    };
  });
  for (let i = 0; i < docs.length; i += 500) await db.collection('users').add({ data: docs.slice(i, i + 500) });
  return docs.map((d) => d.openid);
}
