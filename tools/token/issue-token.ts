/** `npx tsx tools/token/issue-token.ts --role … --sub …`: see issue-token-main.ts. */
import { runWithWorkspacePaths } from './workspace-paths';

runWithWorkspacePaths('issue-token-main.ts');
