import { noticeContract } from '../common/contracts/notice';
import { serve } from '../common/serve';
import { handlers } from './handlers';

export const main = serve(noticeContract, handlers);
