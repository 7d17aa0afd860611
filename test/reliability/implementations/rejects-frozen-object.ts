/** Every refusal rejects with a frozen object that has neither code nor message. */
import { rejectingWith } from './wrap';

export const createImplementation = () => rejectingWith('faulty: rejects with a frozen object', () => Object.freeze({ reason: 'frozen refusal' }));
