#!/usr/bin/env node
// Runs before `npm start`, `npm test`, `npm run emulator` and `npm run bench` (the pre* scripts):
// checks Node >= 20 and installs dependencies when node_modules is missing or older than
// package.json / package-lock.json. Plain CommonJS with no dependencies: node_modules may not exist yet.
// A no-op (a few stat calls) when everything is up to date.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const MIN_NODE = 20;

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (!(major >= MIN_NODE)) {
    console.error(`preflight: Node ${MIN_NODE} or newer is required (this is ${process.version}). Install Node ${MIN_NODE}+ (e.g. from nodejs.org or nvm) and retry.`);
    return 1;
  }

  const nodeModules = path.join(root, 'node_modules');
  // npm writes node_modules/.package-lock.json on every install that changes the tree; an install
  // that changes nothing may leave it alone, so we also keep our own stamp written after a good install.
  const stamp = path.join(nodeModules, '.linli-preflight');
  const installed = Math.max(mtime(path.join(nodeModules, '.package-lock.json')) ?? -1, mtime(stamp) ?? -1);
  const inputs = Math.max(mtime(path.join(root, 'package.json')) ?? -1, mtime(path.join(root, 'package-lock.json')) ?? -1);

  let reason = null;
  if (!fs.existsSync(nodeModules)) reason = 'node_modules is missing';
  else if (installed < 0) reason = 'node_modules has no install record';
  else if (inputs > installed) reason = 'package.json or package-lock.json changed since the last install';
  if (!reason) return 0;

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  console.log(`preflight: ${reason}: running npm install --no-audit --no-fund`);
  const t = Date.now();
  // `npm ci` refuses this lockfile (Taro's optional platform bindings that do not exist), so `npm install`.
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.error) {
    console.error(`preflight: could not run npm: ${r.error.message}`);
    return 1;
  }
  if (r.status !== 0) {
    console.error(`preflight: npm install failed (exit ${r.status === null ? r.signal : r.status})`);
    return r.status || 1;
  }
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`preflight: dependencies installed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = main();
