/** Its capabilities getter throws. */
import type { Implementation } from '../../../adapters/contract';
import { simulatorImplementation } from '../../../adapters/simulator';

export function createImplementation(): Implementation {
  const base = simulatorImplementation();
  return {
    name: 'faulty: capabilities throw',
    contractVersion: base.contractVersion,
    get capabilities(): never {
      throw new Error('capabilities are not available');
    },
    createApp: (o) => base.createApp(o),
  };
}
