/**
 * The activity interfaces workflows call. Implementations live in the orchestrator app
 * (they do I/O); workflows see only these types.
 */
export interface WiringActivities {
  describeService(): Promise<string>;
}
