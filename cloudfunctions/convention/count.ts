// The count of one vote from what is stored: the register fixed at opening and the real ballots.
import { officialSystemFor, tally, withNonVoters, type Jurisdiction, type TallyResult } from '@core/convention/rules';
import { fail } from '@core/errors';
import type { Db } from '../runtime/cloud';
import { getById } from '../runtime/db';
import type { CompoundDoc, ConventionDoc } from '../runtime/model';
import { ballotsOf, registerOf } from './store';

export type Count = NonNullable<ConventionDoc['result']> extends infer R ? Omit<R & object, 'postedAt' | 'noticeId' | 'objectionEndsAt'> : never;

export interface VotingSettings {
  jurisdiction: Jurisdiction;
  /** The system owners' decisions must use here; null: none. */
  officialSystem: string | null;
  /** The compound's own wording of it, if it gave one. */
  namedSystem: string | null;
  objectionDays: number;
  nonVotersWithMajority: boolean;
}

/** A compound's voting settings; records from before `jurisdiction` read as `other` (or `none`). */
export function votingSettingsOf(compound: CompoundDoc | null): VotingSettings {
  const v = compound?.settings.voting;
  const legacy = v?.officialSystem ?? (compound?.ownersVoteOfficialSystem ? '本市业主共同决定电子投票系统' : null);
  const jurisdiction: Jurisdiction = v?.jurisdiction ?? (legacy ? 'other' : 'none');
  const namedSystem = v?.jurisdiction ? (v.officialSystem ?? null) : legacy;
  return {
    jurisdiction,
    officialSystem: officialSystemFor(jurisdiction, namedSystem),
    namedSystem,
    objectionDays: v?.objectionDays ?? 7,
    nonVotersWithMajority: v?.nonVotersWithMajority ?? false,
  };
}

export async function votingSettings(db: Db, compoundId: string): Promise<VotingSettings> {
  return votingSettingsOf(await getById<CompoundDoc>(db, 'compounds', compoundId));
}

/** Counts the vote now: every criterion, online and paper apart, per building. */
export async function countVote(db: Db, c: ConventionDoc, now: Date, nonVotersWithMajority: boolean): Promise<Count & TallyResult> {
  const vote = c.vote!;
  const [register, ballots] = await Promise.all([registerOf(db, c._id), ballotsOf(db, c._id)]);
  const keyArea = new Map<string, number>();
  for (const e of register) keyArea.set(e.voterKey, e.keyArea);
  // the electorate was fixed at opening: a register that lost (or gained) rows since is not counted
  const area = [...keyArea.values()].reduce((a, b) => a + b, 0);
  if (keyArea.size !== vote.electorateHeads || area !== vote.electorateArea) {
    throw fail.conflict(`选民名单与发起表决时不一致（${keyArea.size}/${vote.electorateHeads}），暂不能计票，请联系管理员核对`);
  }
  const result = tally(
    vote.rule,
    [...keyArea].map(([key, area]) => ({ key, area })),
    ballots.map((b) => ({ key: b.voterKey, choice: b.choice })),
  );
  const choiceOf = new Map<string, BallotChoice>();
  const sources = { online: { heads: 0, area: 0 }, paper: { heads: 0, area: 0 } };
  for (const b of ballots) {
    if (choiceOf.has(b.voterKey) || !keyArea.has(b.voterKey)) continue;
    choiceOf.set(b.voterKey, b.choice);
    sources[b.source].heads++;
    sources[b.source].area += keyArea.get(b.voterKey)!;
  }
  // per building: units (register rows) and each unit's own area — an owner of several units is one
  // head in the totals and one unit per row here
  const buildings = new Map<string, Required<Count['byBuilding'][number]>>();
  for (const e of register) {
    const row = buildings.get(e.buildingId) ?? {
      buildingId: e.buildingId, buildingName: e.buildingName, electorateHeads: 0, partHeads: 0, agreeHeads: 0, disagreeHeads: 0, abstainHeads: 0,
      electorateArea: 0, partArea: 0, agreeArea: 0, disagreeArea: 0, abstainArea: 0,
    };
    row.electorateHeads++;
    row.electorateArea += e.area;
    const choice = choiceOf.get(e.voterKey);
    if (choice) {
      row.partHeads++;
      row.partArea += e.area;
      row[`${choice}Heads`]++;
      row[`${choice}Area`] += e.area;
    }
    buildings.set(e.buildingId, row);
  }
  const nonVoters = nonVotersWithMajority && result.binding ? withNonVoters(result.totals) : null;
  return {
    ...result,
    sources,
    byBuilding: [...buildings.values()],
    nonVoters: nonVoters ? { label: nonVoters.label, agreeHeads: nonVoters.agreeHeads, agreeArea: nonVoters.agreeArea } : null,
    countedAt: now,
  };
}

type BallotChoice = 'agree' | 'disagree' | 'abstain';
