// The audit log is append-only (DESIGN §3, issue 14): every action of every function, called by every
// identity of the authorization matrix with its fixture (helpers/fixtures.ts) in the matrix's world,
// phase by phase, and audit_logs compared before and after — entries are only ever added; none is
// changed or removed. Erasing a person's data keeps their audit entries as they are (core/user's
// manifest: audit_logs `erase: 'keep'`; the entry keeps only the user id, whose record is blanked).
import { FIXTURES } from './helpers/fixtures';
import { FUNCTIONS, FUNCTION_NAMES, IDENTITIES, makeWorld, type World } from './helpers/world';
import { DOMAINS } from '@core/domains';

const PERSONAL_DATA = DOMAINS.flatMap((d) => d.personalData);

type Entry = Record<string, unknown> & { _id: string };

async function auditLogs(world: World): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let skip = 0; ; skip += 100) {
    const page = (await world.db.collection('audit_logs').orderBy('_id', 'asc').skip(skip).limit(100).get()).data as Entry[];
    for (const e of page) out.set(e._id, JSON.stringify(e));
    if (page.length < 100) return out;
  }
}

const PHASES = ['read', 'write', 'last', 'final'] as const;

describe('the audit log is append-only', () => {
  it('no action of any function, by anyone, changes or removes an entry', async () => {
    const world = await makeWorld('audit-append');
    const actions = FUNCTION_NAMES.flatMap((fn) => Object.keys(FUNCTIONS[fn].contract).map((action) => ({ fn, action, fx: FIXTURES[fn]?.[action] })));
    expect(actions.filter((a) => !a.fx).map((a) => `${a.fn}.${a.action}`)).toEqual([]);
    const first = await auditLogs(world);
    let before = first;
    expect(first.size).toBeGreaterThan(0);
    let calls = 0;
    let succeeded = 0;
    for (const phase of PHASES) {
      for (const who of IDENTITIES) {
        for (const a of actions.filter((x) => x.fx!.phase === phase)) {
          const res = await world.call(a.fn, who, a.action, a.fx!.data(world.refs));
          calls++;
          if (res.ok) succeeded++;
        }
      }
      const after = await auditLogs(world);
      const changed = [...before].filter(([id, text]) => after.get(id) !== text).map(([id]) => `${id}: ${after.has(id) ? 'changed' : 'removed'}`);
      expect({ phase, changed }).toEqual({ phase, changed: [] });
      expect(after.size).toBeGreaterThanOrEqual(before.size);
      before = after;
    }
    // the actions did write to it: appended
    expect(before.size).toBeGreaterThan(first.size);
    console.log(`audit append-only: ${calls} calls (${succeeded} succeeded), ${before.size} entries, none changed or removed`);
  }, 300_000);

  it('erasure keeps the audit trail as it is', () => {
    expect(PERSONAL_DATA.filter((p) => p.collection === 'audit_logs').map((p) => p.erase)).toEqual(['keep']);
  });
});
