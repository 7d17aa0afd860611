/** Helpers for commands: picking targets from the model by generated indices, and naming things. */
import type { GroupTypeName } from '../../adapters/contract';
import { USERS, type Model, type ModelGroup } from '../model';

export const TYPES: GroupTypeName[] = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'];
export const WIRE: Record<GroupTypeName, string> = { Work: 'Private', Public: 'Public', Meeting: 'ChatRoom', AVChatRoom: 'AVChatRoom', Community: 'Community' };

/** A live group by a generated index, or any group (dismissed too) when `anyGroup`. */
export function pickGroup(m: Readonly<Model>, index: number, anyGroup = false): ModelGroup | undefined {
  const pool = anyGroup ? m.groups : m.groups.filter((g) => !g.dismissed);
  return pool.length === 0 ? undefined : pool[index % pool.length];
}

export function listOf(users: readonly string[]): string {
  return users.length <= 1 ? (users[0] ?? '') : `${users.slice(0, -1).join(', ')} and ${users[users.length - 1]}`;
}

export function possessive(user: string): string {
  return user === 'alice' || user === 'carol' ? 'her' : 'his';
}

export function actorName(actor: string): string {
  return actor === '@admin' ? 'the app admin' : actor;
}

export { USERS };

/** `@creator` stands for the group's creator: sequences where the owner acts reach deeper states. */
export function who(actor: string, g: ModelGroup): string {
  return actor === '@creator' ? g.creator : actor;
}
