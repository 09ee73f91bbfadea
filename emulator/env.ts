// The process environment wx-server-sdk needs to talk to a local emulator (shared/reference §1).

/** Variables for any process whose functions should reach the emulator at `url`. */
export function sdkEnvFor(url: string, env: string): Record<string, string> {
  return {
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    SCF_NAMESPACE: env,
    TCB_ENV: env,
  };
}

/** The emulator process itself hosts functions: give the SDK what it needs before it loads. */
export function prepareHostProcess(): void {
  // without TENCENTCLOUD=true node-sdk probes a metadata host on every request (+65 ms each)
  process.env.TENCENTCLOUD ??= 'true';
  // node-sdk crashes the process on an unhandled rejection when the secrets are empty
  process.env.TENCENTCLOUD_SECRETID ||= 'local';
  process.env.TENCENTCLOUD_SECRETKEY ||= 'local';
}
