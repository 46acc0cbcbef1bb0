/** `npx tsx tools/token/internal-keys.ts <gateway|orchestrator>`: see internal-keys-main.ts. */
import { runWithWorkspacePaths } from './workspace-paths';

runWithWorkspacePaths('internal-keys-main.ts');
