// 工作台: the committees' console — dashboards, ledgers, the audit log, moderation, the 三方联席会议.
import { adminContract, type AdminContract } from '@core/admin/contract';
import { serve, type Handlers } from '../runtime/serve';
import { exportChunk, sweepExports } from './exports';
import { ledgers } from './ledgers';
import { meetings } from './meetings';
import { moderation } from './moderation';
import { overviewHandlers } from './overview';

export const handlers: Handlers<AdminContract> = { ...overviewHandlers, ...ledgers, ...moderation, ...meetings };

// exports: the scheduler's sweep (stalled, dead and expired exports); exportChunk: one chunk of a background export
export const main = serve(adminContract, handlers, { jobs: { exports: sweepExports }, tasks: { exportChunk } });
