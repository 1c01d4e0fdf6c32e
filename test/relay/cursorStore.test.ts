import { InMemoryCursorStore } from '../../src/relay/cursorStore';

describe('InMemoryCursorStore', () => {
  it('forgets the least recently used entry past maxEntries', () => {
    const store = new InMemoryCursorStore({ maxEntries: 2 });
    store.set('a', '1');
    store.set('b', '2');
    expect(store.get('a')).toBe('1');
    store.set('c', '3');
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBe('1');
    expect(store.get('c')).toBe('3');
    expect(store.size).toBe(2);
  });

  it('forgets the oldest entries past maxChars', () => {
    const store = new InMemoryCursorStore({ maxChars: 10 });
    store.set('a', '12345');
    store.set('b', '12345');
    store.set('c', '1');
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBe('12345');
    expect(store.get('c')).toBe('1');
  });

  it('forgets entries not used for ttlMs', () => {
    let time = 0;
    const store = new InMemoryCursorStore({ ttlMs: 100, now: () => time });
    store.set('a', '1');
    store.set('b', '2');
    time = 99;
    expect(store.get('a')).toBe('1');
    time = 150;
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBe('1');
    time = 300;
    store.set('c', '3');
    expect(store.size).toBe(1);
  });
});
