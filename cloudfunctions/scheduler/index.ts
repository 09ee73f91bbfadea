import { schedulerContract } from '@core/scheduler/contract';
import { serve } from '../runtime/serve';
import { handlers, onTimer } from './handlers';

export const main = serve(schedulerContract, handlers, { onTimer });
