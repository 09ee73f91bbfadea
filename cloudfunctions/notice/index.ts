import { noticeContract } from '@core/notice/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';

export const main = serve(noticeContract, handlers);
