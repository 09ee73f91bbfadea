import { requestContract } from '@core/request/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';
import { jobs } from './jobs';

export const main = serve(requestContract, handlers, { jobs });
