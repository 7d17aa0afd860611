/** Every refusal rejects with an Error subclass whose message, code and name getters throw. */
import { rejectingWith } from './wrap';

class HostileError extends Error {
  override get message(): string {
    throw new Error('the message getter throws');
  }
  get code(): number {
    throw new Error('the code getter throws');
  }
  override get name(): string {
    throw new Error('the name getter throws');
  }
}
export const createImplementation = () => rejectingWith('faulty: rejects with an Error whose getters throw', () => new HostileError());
