// The compound's voting rules (公约与表决): whose rule on owners' e-votes applies — where the city
// requires its official system (北京, 深圳, 四川) owners' votes here are consultations and every
// screen names that system — the objection window after the 公示, and the 从多 figure. Set by the
// branch or the committee, audited; a vote already open keeps the rule it opened under.
import { conventionContract, type ConventionContract } from '@core/convention/contract';
import { can } from '@core/access';
import { JURISDICTIONS } from '@core/convention/rules';
import { fail } from '@core/errors';
import { getById, updateById } from '../runtime/db';
import type { CompoundDoc } from '../runtime/model';
import type { Handlers, UserCtx } from '../runtime/serve';
import { votingSettingsOf, type VotingSettings } from './count';

type H = Handlers<ConventionContract>;

function viewOf(ctx: UserCtx, s: VotingSettings) {
  return {
    jurisdiction: s.jurisdiction,
    officialSystem: s.officialSystem,
    basis: JURISDICTIONS[s.jurisdiction].basis,
    objectionDays: s.objectionDays,
    nonVotersWithMajority: s.nonVotersWithMajority,
    // who may change them: the contract's own rule for setVotingSettings
    canEdit: can({ roles: ctx.roles }, conventionContract.setVotingSettings),
  };
}

async function compoundOf(ctx: UserCtx): Promise<CompoundDoc> {
  if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
  const compound = await getById<CompoundDoc>(ctx.db, 'compounds', ctx.compoundId);
  if (!compound) throw fail.notFound('没有找到所属小区');
  return compound;
}

export const settings: Pick<H, 'votingSettings' | 'setVotingSettings'> = {
  votingSettings: {
    async handle(ctx) {
      return viewOf(ctx, votingSettingsOf(await compoundOf(ctx)));
    },
  },

  setVotingSettings: {
    async handle(ctx, input) {
      const compound = await compoundOf(ctx);
      const named = input.officialSystem?.trim() || null;
      if (input.jurisdiction === 'other' && !named) throw fail.invalid('请填写本地规定的业主电子投票系统名称');
      const voting = {
        jurisdiction: input.jurisdiction,
        officialSystem: input.jurisdiction === 'none' ? null : named,
        objectionDays: input.objectionDays,
        nonVotersWithMajority: input.nonVotersWithMajority,
      };
      await updateById(ctx.db, 'compounds', compound._id, { settings: { voting: ctx.db.command.set(voting) }, updatedAt: ctx.now });
      const before = votingSettingsOf(compound);
      await ctx.audit('convention.setVotingSettings', `compounds/${compound._id}`, {
        from: { jurisdiction: before.jurisdiction, officialSystem: before.officialSystem, objectionDays: before.objectionDays, nonVotersWithMajority: before.nonVotersWithMajority },
        to: voting,
      });
      return viewOf(ctx, votingSettingsOf({ ...compound, settings: { ...compound.settings, voting } }));
    },
  },
};
