import type { WiringActivities } from '@bpm/workflows';

/** Activities do the I/O that workflows may not. */
export function createActivities(service: string): WiringActivities {
  return {
    async describeService() {
      return service;
    },
  };
}
