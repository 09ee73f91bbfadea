// 公约与表决: drafting and consultation, votes under the rule the law gives, results posted and kept.
import { conventionContract, type ConventionContract } from '@core/convention/contract';
import { serve, type Handlers } from '../runtime/serve';
import { after } from './after';
import { comments } from './comments';
import { drafting } from './drafting';
import { jobs } from './jobs';
import { settings } from './settings';
import { voting } from './voting';

export const handlers: Handlers<ConventionContract> = { ...drafting, ...comments, ...voting, ...after, ...settings };

export const main = serve(conventionContract, handlers, { jobs });
