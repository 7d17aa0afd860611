/** Every refusal rejects with undefined. */
import { rejectingWith } from './wrap';

export const createImplementation = () => rejectingWith('faulty: rejects with undefined', () => undefined);
