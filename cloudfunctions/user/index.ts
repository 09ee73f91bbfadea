import { userContract } from '../common/contracts/user';
import { serve } from '../common/serve';
import { handlers } from './handlers';

export const main = serve(userContract, handlers);
