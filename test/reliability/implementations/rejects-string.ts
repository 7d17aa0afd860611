/** Every refusal rejects with a bare string. */
import { rejectingWith } from './wrap';

export const createImplementation = () => rejectingWith('faulty: rejects with a string', () => 'refused, as a string');
