// The one place that initialises wx-server-sdk. In production the environment is the function's own;
// locally the emulator points the SDK at itself through TCB_CONTEXT_CNFG (shared/reference §1).
import cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, throwOnNotFound: false } as Parameters<typeof cloud.init>[0]);

export { cloud };
export type Db = ReturnType<typeof cloud.database>;
export const database = (): Db => cloud.database();
