// npm run restore -- <archive> [--env <id>] [--url <emulator> | --cloud] [--force] [--dry-run]
// Loads a backup (scripts/backup.ts) into an empty environment; see there.
import { runCli } from './backup';

runCli('restore');
