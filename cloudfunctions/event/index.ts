import { eventContract } from '@core/event/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';
import { jobs } from './jobs';

export const main = serve(eventContract, handlers, { jobs });
