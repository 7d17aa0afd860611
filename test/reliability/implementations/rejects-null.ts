/** Every refusal rejects with null instead of a coded Error. */
import { rejectingWith } from './wrap';

export const createImplementation = () => rejectingWith('faulty: rejects with null', () => null);
