// Personal data across every domain (PIPL art. 45–47): each domain's manifest says where it keeps a
// person's data; this exports it and erases it, so a new domain takes part by declaring, not by
// editing the user function.
import { DOMAINS } from '@core/domains';
import type { PersonalData } from '@core/manifest';
import type { Db } from './cloud';
import type { CollectionName } from './collections';
import { findMany, removeWhere, updateWhere } from './db';

const LIMIT = 1000;

export const PERSONAL_DATA: readonly PersonalData[] = DOMAINS.flatMap((d) => d.personalData);

function plain(v: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}

function exportedFields(pd: PersonalData, doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (pd.only ? pd.only.includes(k) : !(pd.omit ?? []).includes(k)) out[k] = v;
  }
  return out;
}

/** Everything the domains hold about one person, by part (myRequests, registrations, …). */
export async function exportPersonalData(db: Db, userId: string): Promise<{ parts: Record<string, Array<Record<string, unknown>>>; retained: Array<{ part: string; why: string }> }> {
  const parts: Record<string, Array<Record<string, unknown>>> = {};
  const retained: Array<{ part: string; why: string }> = [];
  for (const pd of PERSONAL_DATA) {
    const docs = await findMany<{ _id: string; createdAt: Date; updatedAt: Date }>(db, pd.collection as CollectionName, { [pd.owner]: userId }, { limit: LIMIT });
    parts[pd.key] = docs.map((d) => {
      const doc = plain(d);
      const out = exportedFields(pd, doc);
      for (const a of pd.arrays ?? []) {
        const items = Array.isArray(doc[a.field]) ? (doc[a.field] as Array<Record<string, unknown>>) : [];
        // only the person's own entries of an array others wrote into too (a request's timeline)
        out[a.field] = items.filter((i) => i[a.owner] === userId);
      }
      return out;
    });
    if (pd.kept) retained.push({ part: pd.key, why: pd.kept });
  }
  return { parts, retained };
}

/**
 * Deletes or blanks what the domains hold about one person. Records the compound must keep (figures,
 * the audit trail, service hours) stay, stripped of name, phone, openid and home.
 */
export async function erasePersonalData(db: Db, userId: string): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const pd of PERSONAL_DATA) {
    const coll = pd.collection as CollectionName;
    const where = { [pd.owner]: userId };
    if (pd.erase === 'delete') done[pd.key] = await removeWhere(db, coll, where);
    else if (pd.erase !== 'keep') done[pd.key] = await updateWhere(db, coll, where, { ...pd.erase });
    for (const a of pd.arrays ?? []) {
      // array elements cannot be matched in an update on CloudBase: read, rewrite, guard on the old array
      for (let round = 0; round < 20; round++) {
        const docs = await findMany<{ _id: string; createdAt: Date; updatedAt: Date } & Record<string, unknown>>(db, coll, where, { limit: 100 });
        let changed = 0;
        for (const d of docs) {
          const items = (d[a.field] as Array<Record<string, unknown>>) ?? [];
          const next = items.map((i) => (i[a.owner] === userId ? { ...i, ...a.set, [a.owner]: null } : i));
          changed += await updateWhere(db, coll, { _id: d._id }, { [a.field]: db.command.set(next) });
        }
        done[`${pd.key}.${a.field}`] = (done[`${pd.key}.${a.field}`] ?? 0) + changed;
        if (docs.length < 100) break;
      }
    }
  }
  return done;
}
