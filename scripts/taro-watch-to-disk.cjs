// Preloaded (node --require) into `taro build --type h5 --watch` by scripts/h5.ts (npm start -- --watch).
// Taro's H5 watch mode is webpack-dev-server, which keeps the bundle in memory. This adds an
// h5.devServer section to the loaded project config, exactly as if config/index.ts had one:
//   devMiddleware.writeToDisk   dist/h5 is written, so the emulator serves it (Taro's prebundle
//                               also copies its remoteEntry.js there only when this is set)
//   open: false                 no browser
//   port + client.webSocketURL  the page served by the emulator connects to this dev server for
//                               hot updates / live reload (port from LINLI_H5_DEV_PORT)
// Nothing else in the config changes, and a plain `taro build` never loads this file.
'use strict';

const path = require('path');

const port = Number(process.env.LINLI_H5_DEV_PORT) || 10086;
const DEV_SERVER = {
  host: '127.0.0.1',
  port,
  open: false,
  client: { webSocketURL: `ws://127.0.0.1:${port}/ws`, overlay: { errors: true, warnings: false } },
  devMiddleware: { writeToDisk: true },
};

try {
  const cliDir = path.dirname(require.resolve('@tarojs/cli/package.json', { paths: [process.cwd()] }));
  const { Config } = require(require.resolve('@tarojs/service', { paths: [cliDir] }));
  const init = Config.prototype.init;
  Config.prototype.init = async function patchedInit(...args) {
    const r = await init.apply(this, args);
    const cfg = this.initialConfig;
    if (cfg && typeof cfg === 'object') {
      cfg.h5 = cfg.h5 || {};
      const ds = cfg.h5.devServer || {};
      cfg.h5.devServer = {
        ...ds,
        ...DEV_SERVER,
        client: { ...(typeof ds.client === 'object' ? ds.client : {}), ...DEV_SERVER.client },
        devMiddleware: { ...(ds.devMiddleware || {}), ...DEV_SERVER.devMiddleware },
      };
    }
    return r;
  };
} catch (e) {
  console.warn(`taro-watch-to-disk: could not patch the Taro config (${e && e.message}); dist/h5 may not be written`);
}
