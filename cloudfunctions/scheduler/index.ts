import { schedulerContract } from '../common/contracts/scheduler';
import { serve } from '../common/serve';
import { handlers, onTimer } from './handlers';

export const main = serve(schedulerContract, handlers, { onTimer });
