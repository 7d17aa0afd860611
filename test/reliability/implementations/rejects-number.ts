/** Every refusal rejects with a bare number (a code without an Error around it). */
import { rejectingWith } from './wrap';

export const createImplementation = () => rejectingWith('faulty: rejects with a number', () => 10007);
