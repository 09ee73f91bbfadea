// 志愿服务: teams, joining, shifts, the service-hours ledger, certificates, recognition.
import { volunteerContract, type VolunteerContract } from '@core/volunteer/contract';
import { serve, type Handlers } from '../runtime/serve';
import { ledger } from './ledger';
import { recognition } from './recognition';
import { jobs } from './reconcile';
import { shifts } from './shifts';
import { teams } from './teams';

export const handlers: Handlers<VolunteerContract> = { ...teams, ...shifts, ...ledger, ...recognition };

export const main = serve(volunteerContract, handlers, { jobs });
