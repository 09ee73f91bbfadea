import { requestContract } from '@core/request/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';

export const main = serve(requestContract, handlers);
