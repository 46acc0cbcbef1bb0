export const ORCHESTRATOR_TASK_QUEUE = 'bpm-orchestrator';
