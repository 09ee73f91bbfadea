import type { SchedulerContract } from '@core/scheduler/contract';
import type { Handlers, ServeOptions } from '../runtime/serve';
import { sweep } from './sweep';

export const handlers: Handlers<SchedulerContract> = {
  run: {
    access: 'roles',
    roles: ['branch'],
    // a sweep by hand covers the caller's compound only (the timer covers them all)
    handle: async (ctx) => sweep(ctx.db, ctx.now, ctx.compoundId ?? 'none'),
  },
};

export const onTimer: NonNullable<ServeOptions['onTimer']> = (ctx) => sweep(ctx.db, ctx.now);
