import { describe, expect, it } from 'vitest';
import { MemberTable, type Account, type MemberRecord } from '../../simulator/core/member-table';

const m = (userID: string): MemberRecord => ({ userID, groupID: 'g', role: 'Member', joinTime: 0, nameCard: '', muteUntil: 0, memberCustomField: [], slot: -1 });
/** Accounts made on first sight: the table needs one for every member (state.ts). */
class Accounts extends Map<string, Account> {
  override get(userID: string): Account {
    let a = super.get(userID);
    if (a === undefined) {
      a = { groups: '' };
      this.set(userID, a);
    }
    return a;
  }
}
const table = () => new MemberTable('g', new Accounts());
const ids = (rs: MemberRecord[]) => rs.map((r) => r.userID);

describe('MemberTable', () => {
  it('pages live members in join order across tombstones and compaction', () => {
    const t = table();
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
    const t = table();
    ['a', 'b', 'c'].forEach((u) => t.add(m(u)));
    const r = t.remove('b')!;
    t.restore(r);
    expect(ids(t.page(0, 10))).toEqual(['a', 'b', 'c']);
    expect(t.has('b')).toBe(true);
  });

  it('keeps the privileged index true through role changes and removal', () => {
    const t = table();
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
    const t = table();
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

  it('compacts in place: departed users are forgotten, members keep their order, ranks and roles', () => {
    const t = table();
    const model: string[] = [];
    for (let i = 0; i < 500; i++) {
      const r = m(`u${i}`);
      if (i % 50 === 7) r.role = 'Admin';
      t.add(r);
      model.push(r.userID);
    }
    // more departures than members left: compaction is due
    for (let i = 0; i < 500; i++) {
      if (i % 3 === 0) continue;
      t.remove(`u${i}`);
      model.splice(model.indexOf(`u${i}`), 1);
    }
    t.compact();
    expect(t.size).toBe(model.length);
    expect(ids([...t])).toEqual(model);
    for (let off = 0; off < model.length; off += 37) expect(ids(t.page(off, 5))).toEqual(model.slice(off, off + 5));
    expect(t.has('u1')).toBe(false);
    expect(t.get('u3')?.userID).toBe('u3');
    expect(ids(t.privilegedMembers())).toEqual(model.filter((id) => Number(id.slice(1)) % 50 === 7));
    // a departed user comes back at the end; a member leaves and the pages follow
    t.add(m('u1'));
    t.remove('u3');
    model.push('u1');
    model.splice(model.indexOf('u3'), 1);
    expect(ids([...t])).toEqual(model);
    expect(ids(t.page(model.length - 3, 5))).toEqual(model.slice(-3));
    expect(ids(t.recent(2))).toEqual(model.slice(-2));
  });
});
