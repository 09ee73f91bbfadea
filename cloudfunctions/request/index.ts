import { requestContract } from '../common/contracts/request';
import { serve } from '../common/serve';
import { handlers } from './handlers';

export const main = serve(requestContract, handlers);
