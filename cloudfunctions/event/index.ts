import { eventContract } from '@core/event/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';

export const main = serve(eventContract, handlers);
