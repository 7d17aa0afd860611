import { describe, expect, it } from 'vitest';
import { MemberTable, type MemberRecord } from '../../simulator/core/member-table';

const m = (userID: string): MemberRecord => ({ userID, role: 'Member', joinTime: 0, nameCard: '', muteUntil: 0, memberCustomField: [] });
const ids = (rs: MemberRecord[]) => rs.map((r) => r.userID);

describe('MemberTable', () => {
  it('pages live members in join order across tombstones and compaction', () => {
    const t = new MemberTable();
    for (let i = 0; i < 300; i++) t.add(m(`u${i}`));
    for (let i = 0; i < 300; i += 2) t.remove(`u${i}`);
    expect(t.size).toBe(150);
    expect(ids(t.page(0, 3))).toEqual(['u1', 'u3', 'u5']);
    expect(ids(t.page(149, 5))).toEqual(['u299']);
    expect(t.page(150, 5)).toEqual([]);
    t.compact();
    expect(ids(t.page(10, 2))).toEqual(['u21', 'u23']);
    t.add(m('new'));
    expect(ids(t.page(150, 1))).toEqual(['new']);
    expect(ids(t.recent(2))).toEqual(['u299', 'new']);
  });

  it('restores a removed member into its old slot', () => {
    const t = new MemberTable();
    ['a', 'b', 'c'].forEach((u) => t.add(m(u)));
    const r = t.remove('b')!;
    t.restore(r.record, r.slot);
    expect(ids(t.page(0, 10))).toEqual(['a', 'b', 'c']);
    expect(t.has('b')).toBe(true);
  });

  it('keeps the privileged index true through role changes and removal', () => {
    const t = new MemberTable();
    const owner = { ...m('o'), role: 'Owner' as const };
    t.add(owner);
    const a = m('a');
    t.add(a);
    a.role = 'Admin';
    t.noteRole(a);
    expect(ids(t.privilegedMembers())).toEqual(['o', 'a']);
    t.remove('a');
    expect(ids(t.privilegedMembers())).toEqual(['o']);
  });

  it('agrees with a plain array under random adds and removes', () => {
    const t = new MemberTable();
    const model: string[] = [];
    let x = 12345;
    const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n);
    for (let step = 0; step < 5000; step++) {
      if (model.length > 0 && rnd(3) === 0) {
        const id = model.splice(rnd(model.length), 1)[0]!;
        t.remove(id);
      } else {
        const id = `u${step}`;
        model.push(id);
        t.add(m(id));
      }
      if (step % 97 === 0) t.compact();
      if (step % 50 === 0) {
        const off = rnd(model.length + 1);
        expect(ids(t.page(off, 7))).toEqual(model.slice(off, off + 7));
      }
    }
    expect(ids([...t])).toEqual(model);
  });
});
