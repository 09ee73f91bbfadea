import { userContract } from '@core/user/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';
import { jobs } from './jobs';

export const main = serve(userContract, handlers, { jobs });
