import type { SchedulerContract } from '../common/contracts/scheduler';
import type { Handlers, ServeOptions } from '../common/serve';
import { sweep } from './sweep';

export const handlers: Handlers<SchedulerContract> = {
  run: {
    access: 'roles',
    roles: ['branch'],
    handle: (ctx) => sweep(ctx.db, ctx.now, ctx.compoundId),
  },
};

export const onTimer: NonNullable<ServeOptions['onTimer']> = (ctx) => sweep(ctx.db, ctx.now);
