import { noticeContract } from '@core/notice/contract';
import { serve } from '../runtime/serve';
import { handlers } from './handlers';
import { jobs } from './jobs';

export const main = serve(noticeContract, handlers, { jobs });
