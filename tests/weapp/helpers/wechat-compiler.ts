// Stands in for the `miniprogram-compiler` package in the weapp tier (jest moduleNameMapper): the
// API miniprogram-simulate calls, on the copies of wcc that scripts/weapp.ts makes executable in a
// temp dir. The package itself chmods its binaries inside node_modules.
import { wxmlToJsSource } from '../../../scripts/weapp';

export function wxmlToJs(rootPath: string): string {
  return `${wxmlToJsSource(rootPath)};\nreturn $gwx;`;
}

export function wxssToJs(): never {
  throw new Error('wxssToJs: miniprogram-simulate does not use it; the compile gate runs wcsc itself');
}
