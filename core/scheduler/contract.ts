// The timer-driven sweeper: escalates overdue requests one level, closes unrated ones, reminds event registrants,
// and reconciles the figures multi-document actions keep (`repaired`: fixes made, each audited).
import * as z from 'zod/mini';
import { defineContract, roles } from '../contract';

export const sweepResult = z.object({ escalated: z.number(), autoClosed: z.number(), notified: z.number(), reminded: z.number(), announced: z.number(), repaired: z.number() });

export const schedulerContract = defineContract({
  /** The branch may run the sweep by hand (the timer runs it every 10 minutes). */
  run: { access: roles('branch'), input: z.strictObject({}), output: sweepResult },
});

export type SchedulerContract = typeof schedulerContract;
