import { eventContract } from '../common/contracts/event';
import { serve } from '../common/serve';
import { handlers } from './handlers';

export const main = serve(eventContract, handlers);
