import { userContract } from '@core/user/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';

export const main = serve(userContract, handlers);
